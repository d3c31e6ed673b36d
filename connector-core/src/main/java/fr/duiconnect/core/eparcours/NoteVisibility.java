package fr.duiconnect.core.eparcours;

/**
 * Who may not see a note: JDV_J110-StatutVisibiliteDocument-CISIS (codes and displays of TRE_A07, whose FHIR system is
 * {@link #DEFAULT_SYSTEM}; configurable by the module option {@code visibility.system}). {@link #NORMAL} sends no
 * securityLabel.
 */
public enum NoteVisibility {
    NORMAL(null, null),
    /** Not visible to the patient. */
    INVISIBLE_PATIENT("INVISIBLE_PATIENT", "Non visible par le patient"),
    /** Not visible to the patient's legal representatives. */
    INVISIBLE_REPRESENTANTS_LEGAUX("INVISIBLE_REPRESENTANTS_LEGAUX", "Non visible par représentants légaux du patient"),
    /** Hidden from the health professionals. */
    MASQUE_PS("MASQUE_PS", "Masqué aux professionnels de santé"),
    /** Hidden from the social-care professionals. */
    MASQUE_PSOCIAL("MASQUE_PSOCIAL", "Masqué aux professionnels du dom social"),
    /** Hidden from third persons. */
    MASQUE_PT("MASQUE_PT", "Masqué aux personnes tierces");

    public static final String DEFAULT_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

    private final String code;
    private final String display;

    NoteVisibility(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() { return code; }

    /** The TRE_A07 display, null for {@link #NORMAL}. */
    public String display() { return display; }

    public static NoteVisibility fromCode(String code) {
        for (NoteVisibility value : values()) {
            if (value.code != null && value.code.equals(code)) {
                return value;
            }
        }
        return NORMAL;
    }
}
