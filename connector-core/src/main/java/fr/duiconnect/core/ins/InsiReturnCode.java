package fr.duiconnect.core.ins;

/** The compte-rendu codes of INSi (CR/CodeCR), with what the DUI should do. */
public enum InsiReturnCode {
    /** 00 — exactly one identity: INDIVIDU is returned. */
    FOUND("00", "OK"),
    /** 01 — no identity: check the traits with the person's document and search again. */
    NOT_FOUND("01", "Aucune identite trouvee"),
    /** 02 — several identities: add the other first names, then the birth place. */
    SEVERAL("02", "Plusieurs identites trouvees");

    private final String code;
    private final String label;

    InsiReturnCode(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }

    public String label() { return label; }

    public static InsiReturnCode of(String code) {
        for (InsiReturnCode value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown INSi CodeCR " + code);
    }
}
