package fr.duiconnect.core.eprescription;

import java.util.List;

/**
 * One prescription line (MedicationRequest), as a DUI medication line.
 *
 * @param lineId              the MedicationRequest id on the server
 * @param intent              order, option (an alternative of a RequestGroup), plan...
 * @param dosageText          the prescription's own text of the posology (renderedDosageInstruction, the
 *                            "prescription textuelle" note, or the dosages' texts joined)
 * @param treatmentDuration   dispenseRequest.expectedSupplyDuration as text (e.g. "30 d"), may be null
 * @param validityStart       dispenseRequest.validityPeriod.start (ISO), may be null
 * @param validityEnd         dispenseRequest.validityPeriod.end (ISO), may be null
 * @param quantity            dispenseRequest.quantity, may be null
 * @param repeats             numberOfRepeatsAllowed (renewals), may be null
 * @param substitutionAllowed false when the prescriber forbade substitution ("non substituable")
 * @param treatmentIntent     fr-treatment-intent (e.g. curatif, préventif), may be null
 */
public record PrescriptionLine(String lineId, LineStatus status, String intent, PrescribedMedication medication,
                               List<Dosage> dosages, String dosageText, String treatmentDuration, String validityStart,
                               String validityEnd, Quantity quantity, Integer repeats, boolean substitutionAllowed,
                               String treatmentIntent, List<String> notes) {

    public PrescriptionLine {
        dosages = dosages == null ? List.of() : List.copyOf(dosages);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
