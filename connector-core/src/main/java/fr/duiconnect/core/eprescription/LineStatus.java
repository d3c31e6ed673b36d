package fr.duiconnect.core.eprescription;

/** Status of a prescription line (MedicationRequest.status). */
public enum LineStatus {
    ACTIVE, ON_HOLD, CANCELLED, COMPLETED, ENTERED_IN_ERROR, STOPPED, DRAFT, UNKNOWN;

    public static LineStatus fromFhir(String code) {
        return code == null ? UNKNOWN : valueOf(code.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
