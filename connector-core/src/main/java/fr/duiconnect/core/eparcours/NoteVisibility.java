package fr.duiconnect.core.eparcours;

/**
 * Who may not see a note: JDV_J110-StatutVisibiliteDocument-CISIS (codes of TRE_A07). {@link #NORMAL} sends no
 * securityLabel. The TRE_A07 FHIR system URL below follows the NOS naming pattern (UNCONFIRMED: the NOS package is
 * not available here); configurable by the module option {@code visibility.system}.
 */
public enum NoteVisibility {
    NORMAL(null),
    /** Not visible to the patient. */
    INVISIBLE_PATIENT("INVISIBLE_PATIENT"),
    /** Not visible to the patient's legal representatives. */
    INVISIBLE_REPRESENTANTS_LEGAUX("INVISIBLE_REPRESENTANTS_LEGAUX"),
    /** Hidden from the other professionals. */
    MASQUE_PS("MASQUE_PS");

    public static final String DEFAULT_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

    private final String code;

    NoteVisibility(String code) {
        this.code = code;
    }

    public String code() { return code; }

    public static NoteVisibility fromCode(String code) {
        for (NoteVisibility value : values()) {
            if (value.code != null && value.code.equals(code)) {
                return value;
            }
        }
        return NORMAL;
    }
}
