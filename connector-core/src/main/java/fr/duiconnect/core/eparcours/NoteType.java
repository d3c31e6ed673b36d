package fr.duiconnect.core.eparcours;

/** Type of a cahier de liaison note: JDV_J23-TypeNoteCahierLiaison-CISIS (codes and displays of TRE_R234-TypeNote). */
public enum NoteType {
    OBS("OBS", "Note d'observation"),
    INTERV("INTERV", "Note d'intervention"),
    INST("INST", "Instruction"),
    DEM_AVIS("DEM-AVIS", "Demande d'avis"),
    GEN("GEN", "Note générale");

    public static final String SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R234-TypeNote/FHIR/TRE-R234-TypeNote";

    private final String code;
    private final String display;

    NoteType(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() { return code; }

    public String display() { return display; }

    public static NoteType fromCode(String code) {
        for (NoteType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw fr.duiconnect.core.error.InvalidInputException.format("type", "one of OBS, INTERV, INST, DEM-AVIS, GEN (JDV_J23)");
    }
}
