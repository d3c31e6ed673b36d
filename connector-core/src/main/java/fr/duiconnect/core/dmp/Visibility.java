package fr.duiconnect.core.dmp;

/**
 * Visibility restrictions of a DMP document, sent as extra confidentialityCodes (TRE_A07-StatutVisibiliteDocument,
 * 1.2.250.1.213.1.1.4.13; JDV_J58 of the DMP).
 */
public enum Visibility {
    /** Hidden from health professionals (masqué aux PS). */
    MASQUE_PS("Masqué aux professionnels de santé"),
    /** Not visible to the patient until a consultation announces it. */
    INVISIBLE_PATIENT("Non visible par le patient"),
    /** Not visible to the patient's legal representatives. */
    INVISIBLE_REPRESENTANTS_LEGAUX("Non visible par les représentants légaux du patient");

    public static final String CODE_SYSTEM = "1.2.250.1.213.1.1.4.13";

    private final String displayName;

    Visibility(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
