package fr.duiconnect.core.ins;

/** INSi compte-rendu codes (INSi_RESULTAT_INS.xsd CR/CodeCR), with the guidance the RNIV gives for each. */
public enum InsReturnCode {
    FOUND("00", "OK", "store the matricule, OID, INSHISTO and traits; the identity becomes récupérée (or qualifiée after a document check)"),
    NOT_FOUND("01", "Aucune identite trouvee",
            "no identity: check the traits against the ID document (birth name, first names, date) and search again"),
    SEVERAL("02", "Plusieurs identites trouvees", "several identities: add the other first names, then the birth place (COG)");

    private final String code;
    private final String label;
    private final String guidance;

    InsReturnCode(String code, String label, String guidance) {
        this.code = code;
        this.label = label;
        this.guidance = guidance;
    }

    public String code() { return code; }

    public String label() { return label; }

    public String guidance() { return guidance; }

    public static InsReturnCode fromCode(String code) {
        for (InsReturnCode value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown INSi CodeCR " + code);
    }
}
