package fr.duiconnect.core.ins;

/** INSi compte-rendu codes (RESULTAT/CR/CodeCR), with the exact LibelleCR of the CNDA fixtures. */
public enum InsReturnCode {
    /** Exactly one identity: INDIVIDU is returned. */
    FOUND("00", "OK"),
    /** No identity: the person may exist but was not found; revise the criteria. */
    NOT_FOUND("01", "Aucune identite trouvee"),
    /** Several identities: add the other prénoms, then the birth place (COG). */
    SEVERAL("02", "Plusieurs identites trouvees");

    private final String code;
    private final String label;

    InsReturnCode(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }

    public String label() { return label; }

    public static InsReturnCode fromCode(String code) {
        for (InsReturnCode value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown INSi CodeCR " + code);
    }
}
