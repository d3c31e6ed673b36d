package fr.duiconnect.core.eprescription;

import java.util.Objects;

/** The result of an import: the prescription as mapped, and whether it was new, known or changed. */
public record PrescriptionImport(Prescription prescription, ImportOutcome outcome) {

    public PrescriptionImport {
        Objects.requireNonNull(prescription, "prescription");
        Objects.requireNonNull(outcome, "outcome");
    }
}
