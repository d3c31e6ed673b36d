package fr.duiconnect.core.eprescription;

import java.util.List;

/**
 * One prescription line (MedicationRequest), as a DUI medication line.
 *
 * @param lineId              the MedicationRequest id on the server
 * @param intent              order, option (an alternative: see {@link Prescription#relations()}), plan...
 * @param dosageText          the prescription's own text of the posology (renderedDosageInstruction, the
 *                            "prescription textuelle" note, or the dosages' texts joined)
 * @param treatmentDuration   dispenseRequest.expectedSupplyDuration as text (e.g. "30 d"), may be null
 * @param validityStart       dispenseRequest.validityPeriod.start (ISO), may be null
 * @param validityEnd         dispenseRequest.validityPeriod.end (ISO), may be null
 * @param quantity            dispenseRequest.quantity, may be null
 * @param repeats             numberOfRepeatsAllowed (renewals), may be null
 * @param substitutionAllowed false when the prescriber forbade substitution ("non substituable")
 * @param treatmentIntent     fr-treatment-intent (e.g. curatif, préventif), may be null
 * @param priority            routine, urgent, asap, stat; may be null
 * @param identifiers         the line's identifiers (system|value)
 * @param encounter           the stay it was prescribed in (identifier system|value or reference), may be null
 * @param unmapped            the paths of the elements this model does not carry (e.g.
 *                            {@code dosageInstruction[0].timing.repeat.boundsRange}): shown to the user, never dropped silently
 */
public record PrescriptionLine(String lineId, LineStatus status, String intent, PrescribedMedication medication,
                               List<Dosage> dosages, String dosageText, String treatmentDuration, String validityStart,
                               String validityEnd, Quantity quantity, Integer repeats, boolean substitutionAllowed,
                               String treatmentIntent, List<LineNote> notes, String priority, List<String> identifiers,
                               String encounter, List<SupportingInformation> supportingInformation, List<String> unmapped) {

    public PrescriptionLine {
        dosages = dosages == null ? List.of() : List.copyOf(dosages);
        notes = notes == null ? List.of() : List.copyOf(notes);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        supportingInformation = supportingInformation == null ? List.of() : List.copyOf(supportingInformation);
        unmapped = unmapped == null ? List.of() : List.copyOf(unmapped);
    }
}
