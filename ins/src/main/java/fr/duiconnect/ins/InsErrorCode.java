package fr.duiconnect.ins;

import fr.duiconnect.core.error.ErrorCode;

/**
 * INS / INSi rules the connector enforces, each with its public reference (see shared/specs/ins.md).
 * Character rules come from SEL-MP-043 as quoted by secondary sources and from the CNDA case 2.03.
 */
public enum InsErrorCode implements ErrorCode {
    MATRICULE_FORMAT("INS-MATRICULE-FORMAT",
            "a matricule INS is 15 characters: sex, year, month, place (digits or 2A/2B), order, then a 2-digit key",
            "INSi_RESULTAT_INS.xsd NumIdentifiant/CLE; INSEE NIR structure"),
    MATRICULE_KEY("INS-KEY-INVALID", "the key is 97 minus the 13-character number modulo 97 (2A as 19, 2B as 18)",
            "Référentiel INS; CNDA TEST_2.08 cas 1"),
    MATRICULE_SEX_DIGIT("INS-MATRICULE-SEX",
            "a NIR starts with 1 or 2 (3 and 4 for some foreign-born registrations); an NIA is accepted leniently (7/8 expected, UNCONFIRMED)",
            "INSEE NIR; CNDA TEST_2.05 (NIA starting with 1)"),
    MATRICULE_MONTH("INS-MATRICULE-MONTH", "the birth month digits of a NIR are 01-12, or 20-42 / 50-99 for unknown or special months",
            "INSEE NIR structure"),
    TRAIT_CHARACTERS("INS-TRAIT-CHARACTERS",
            "INSi traits use only the capital letters A-Z, space, apostrophe (') and hyphen (-): no lower case, diacritic, ligature, digit or typographic apostrophe",
            "SEL-MP-043 EF_INS10_01; CNDA 2.03 cas 3"),
    TRAIT_DOUBLE_HYPHEN("INS-TRAIT-DOUBLE-HYPHEN", "a double hyphen (--) is allowed in the nom de naissance only",
            "SEL-MP-043 EF_INS10_02"),
    TRAIT_LEADING("INS-TRAIT-LEADING", "a trait does not start with a space or a hyphen", "SEL-MP-043 EF_INS10_02"),
    TRAIT_DOUBLED_SEPARATOR("INS-TRAIT-DOUBLED-SEPARATOR",
            "spaces and apostrophes are never doubled nor combined with each other or with a hyphen; no more than two hyphens",
            "SEL-MP-043 EF_INS10_02"),
    TRAIT_FIRST_NAME_END("INS-TRAIT-PRENOM-END", "a prénom does not end with a hyphen or an apostrophe",
            "SEL-MP-043 EF_INS10_02"),
    TRAIT_TRAILING_SPACE("INS-TRAIT-TRAILING-SPACE", "a trait does not end with a space or a hyphen", "SEL-MP-043 EF_INS10_02"),
    TRAIT_FIRST_NAME_SPACE("INS-TRAIT-PRENOM-SPACE",
            "one prénom per element: a single prénom sent to INSi holds no space (the list is sent joined by single spaces)",
            "INSi_RECSANS_INS.xsd Prenom; CNDA 2.07"),
    BIRTH_DATE_UNKNOWN_PARTS("INS-BIRTHDATE-CONVENTION",
            "an unknown day is recorded as 01, an unknown month as 01, unknown day and month as 31/12 (UNCONFIRMED)",
            "Guide INS v3.0 EXI ID 11 (as quoted)"),
    BIRTH_DATE_RANGE("INS-BIRTHDATE-RANGE", "the birth date is not in the future", "RNIV EXI PP 19"),
    DOUBTFUL_OR_FICTITIOUS("INS-IDENTITY-DOUT-FICT",
            "a douteuse or fictive identity stays provisoire and is never sent to INSi", "RNIV 1 v2.0 §3.2.3 EXI SI 09"),
    TRANSITION_REFUSED("INS-RNIV-TRANSITION", "RNIV statuses change only along the documented transitions",
            "RNIV EXI SI 07; FR Core fr-core-cs-identity-status"),
    TRAITS_MISMATCH("INS-TRAITS-MISMATCH",
            "the traits INSi returns must match the person's before the INS is kept (récupérée)",
            "RNIV EXI ID 10; Guide INS v3.0"),
    NO_IDENTITY_FOUND("INS-CR-01", "INSi found no identity (CR 01): check the traits on the ID document, add first names or the COG",
            "INSi_RESULTAT_INS.xsd CodeCR 01; CNDA 2.07 cas 2"),
    SEVERAL_IDENTITIES("INS-CR-02", "INSi found several identities (CR 02): add the other first names, then the birth place",
            "INSi_RESULTAT_INS.xsd CodeCR 02; CNDA 2.06"),
    SOFTWARE_NOT_AUTHORISED("INS-SIRAM-100", "the software authorisation number (IDAM) is known to INSi (siram_100 / desir_550)",
            "CNAM SOAP fault siram_100 desir_550"),
    CERTIFICATE_ACCESS("INS-DESIR-560", "the mTLS certificate CN is exactly INSI-AUTO or INSI-MANU (DESIR_560: niveau d'accès insuffisant)",
            "CNAM SOAP fault DESIR_560"),
    REMOTE_FAULT("INS-SOAP-FAULT", "INSi answered with a SOAP fault", "SOAP 1.2 Fault; schema_faultSOAP_V01_01.xsd"),
    UNAVAILABLE("INS-UNAVAILABLE", "INSi unreachable, timed out, or answered HTTP 5xx: try again later", "[project] transport") {
        @Override public boolean retryable() { return true; }
    },
    TLS("INS-TLS", "the INSi server certificate chains to the configured trust store and the client certificate is accepted",
            "[project] mutual TLS, IGC-Santé"),
    RESPONSE_INVALID("INS-RESPONSE-INVALID", "an INSi response is a SOAP 1.2 envelope holding RESULTAT with CR/CodeCR",
            "INSi_RESULTAT_INS.xsd");

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
