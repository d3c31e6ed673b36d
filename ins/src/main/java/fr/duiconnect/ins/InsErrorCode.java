package fr.duiconnect.ins;

import fr.duiconnect.core.error.ErrorCode;

/** INS errors: the INSi trait rules, the RNIV rules, and what the INSi teleservice answers. */
public enum InsErrorCode implements ErrorCode {
    TRAIT_CHARACTER("INS-TRAIT-CHARACTER", "traits sent to INSi use only A-Z, space, apostrophe (') and hyphen (-): no lower case, accent, ligature or typographic apostrophe",
            "SEL-MP-043 EF_INS01_03, EF_INS10_01; CNDA 2.03 cas 3"),
    TRAIT_LEADING("INS-TRAIT-LEADING", "a trait does not start with a space or a hyphen", "SEL-MP-043 EF_INS10_02"),
    TRAIT_TRAILING("INS-TRAIT-TRAILING", "a trait does not end with a space or a hyphen, and a prénom not with an apostrophe", "SEL-MP-043 EF_INS10_02"),
    TRAIT_DOUBLED("INS-TRAIT-DOUBLED", "spaces and apostrophes are neither doubled nor combined", "SEL-MP-043 EF_INS10_02"),
    TRAIT_DOUBLE_HYPHEN("INS-TRAIT-DOUBLE-HYPHEN", "a double hyphen is allowed in the nom de naissance only, never more than two", "SEL-MP-043 EF_INS10_02"),
    TRAIT_LENGTH("INS-TRAIT-LENGTH", "a nom de naissance, and the list of prénoms, sent to INSi have at most 100 characters",
            "DUI Connect sanity cap (the INSi schemas set none)"),
    BIRTH_DATE_RANGE("INS-BIRTH-DATE-RANGE", "a birth date sent to INSi is neither in the future nor before 1850",
            "DUI Connect plausibility rule"),
    TRAIT_MISSING("INS-TRAIT-MISSING", "a search by traits sends the nom de naissance, a prénom, the sex and the birth date", "INSi RECSANSVITALE"),
    BIRTH_DATE_INCOMPLETE("INS-BIRTH-DATE", "an unknown day is recorded as 01, an unknown month as 01, an unknown day and month as 31/12",
            "Guide INS v3.0 EXI ID 11 (UNCONFIRMED against the primary text)"),
    MATRICULE_NIR_STRUCTURE("INS-MATRICULE-STRUCTURE", "a NIR starts with 1 or 2 (3, 4 for some temporary numbers; 7 and 8 are NIA, never NIR), then year, month 01-12 or 20-99, department",
            "INSEE NIR structure"),
    RNIV_DOUBTFUL_OR_FICTITIOUS("INS-RNIV-DOUT-FICT", "a douteuse or fictive identity is never sent to INSi and stays provisoire", "RNIV 1 v2.0 §3.2.3 EXI SI 09"),
    RNIV_TRANSITION("INS-RNIV-TRANSITION", "the RNIV status changes only through INSi retrieval or a high-trust document check", "RNIV EXI SI 07"),
    INSI_FAULT("INS-INSI-FAULT", "the INSi teleservice refused the request (SOAP fault)", "INSi WSDL DESIR_ICIR_EXP_1.5.0; siram:Erreur"),
    INSI_ACCESS("INS-INSI-ACCESS", "the client certificate's CN is INSI-AUTO or INSI-MANU and the software is authorised (IDAM)", "INSi DESIR_560 / desir_550"),
    INSI_UNAVAILABLE("INS-INSI-UNAVAILABLE", "the INSi teleservice answers (HTTP 5xx or no answer means: try again later)", "INSi transport") {
        @Override public boolean retryable() { return true; }
    },
    INSI_RESPONSE("INS-INSI-RESPONSE", "an INSi answer is a SOAP 1.2 envelope holding a RESULTAT with CR/CodeCR", "INSi_RESULTAT_INS.xsd");

    private final String code;
    private final String rule;
    private final String reference;

    InsErrorCode(String code, String rule, String reference) {
        this.code = code;
        this.rule = rule;
        this.reference = reference;
    }

    @Override public String code() { return code; }
    @Override public String rule() { return rule; }
    @Override public String reference() { return reference; }
}
