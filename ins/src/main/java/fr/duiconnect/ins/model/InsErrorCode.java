package fr.duiconnect.ins.model;

import fr.duiconnect.core.error.ErrorCode;

/**
 * Errors of the INS module: each constant states the rule it enforces and where the rule is published.
 * Trait rules come from the GIE SESAM-Vitale guide SEL-MP-043 (EF_INS01_03, EF_INS10_01/02) as quoted publicly,
 * and from CNDA case 2.03.
 */
public enum InsErrorCode implements ErrorCode {
    MATRICULE_LENGTH("INS-MATRICULE-LENGTH",
            "a matricule INS is 15 characters: the 13-character NIR/NIA then its 2-digit key", "INSi_RESULTAT_INS.xsd NIR/CLE"),
    MATRICULE_CHARACTERS("INS-MATRICULE-CHARACTERS",
            "a matricule INS holds digits only, except 2A/2B as the Corsican department (positions 6-7)", "INSi_RESULTAT_INS.xsd NIR pattern"),
    MATRICULE_SEX_DIGIT("INS-MATRICULE-SEX",
            "the first character of a NIR/NIA is 1, 2, 3, 4, 7 or 8", "INSEE NIR structure"),
    MATRICULE_MONTH("INS-MATRICULE-MONTH",
            "positions 4-5 are the birth month 01-12, or an INSEE pseudo-month 20-99 when the month was unknown", "INSEE NIR structure"),
    MATRICULE_ORDER("INS-MATRICULE-ORDER", "positions 11-13 are the order number, 001 to 999", "INSEE NIR structure"),
    KEY_INVALID("INS-KEY-INVALID",
            "the key is 97 minus the 13-character number modulo 97, with 2A read as 19 and 2B as 18", "Référentiel INS; CNDA 2.08 cas 1"),
    OID_UNKNOWN("INS-OID-UNKNOWN",
            "the OID is one of 1.2.250.1.213.1.4.8 (NIR), .9 (NIA), .10 (NIR test), .11 (NIR demo)", "Référentiel INS liste des OID; FR Core Patient INS"),

    TRAIT_REQUIRED("INS-TRAIT-REQUIRED",
            "INSi needs the nom de naissance, at least one prénom, the sex and the birth date", "SEL-MP-043 EF_INS10_01"),
    TRAIT_LOWER_CASE("INS-TRAIT-LOWER-CASE", "traits sent to INSi are in upper case", "SEL-MP-043 EF_INS01_03; CNDA 2.03"),
    TRAIT_DIACRITIC("INS-TRAIT-DIACRITIC", "traits sent to INSi carry no accent, tréma or cédille", "SEL-MP-043 EF_INS01_03; CNDA 2.03 cas 3"),
    TRAIT_LIGATURE("INS-TRAIT-LIGATURE", "traits sent to INSi carry no ligature (Æ, Œ)", "SEL-MP-043 EF_INS01_03; CNDA 2.03 cas 3"),
    TRAIT_TYPOGRAPHIC_APOSTROPHE("INS-TRAIT-APOSTROPHE",
            "the only apostrophe INSi accepts is the ASCII apostrophe ' (U+0027)", "SEL-MP-043 EF_INS01_03; CNDA 2.03 cas 3"),
    TRAIT_FORBIDDEN_CHARACTER("INS-TRAIT-CHARACTER",
            "traits sent to INSi hold only A-Z, space, apostrophe and hyphen; other characters are refused, never stripped", "SEL-MP-043 EF_INS01_03"),
    TRAIT_LEADING_CHARACTER("INS-TRAIT-LEADING", "a trait cannot start with a space or a hyphen", "SEL-MP-043 EF_INS10_02"),
    TRAIT_TRAILING_CHARACTER("INS-TRAIT-TRAILING",
            "a trait cannot end with a space; a prénom cannot end with a hyphen or an apostrophe", "SEL-MP-043 EF_INS10_02"),
    TRAIT_DOUBLED_SEPARATOR("INS-TRAIT-DOUBLED",
            "spaces and apostrophes are never doubled nor combined with another separator", "SEL-MP-043 EF_INS10_02"),
    TRAIT_DOUBLE_HYPHEN("INS-TRAIT-DOUBLE-HYPHEN",
            "a double hyphen is allowed in the nom de naissance only, never three hyphens", "SEL-MP-043 EF_INS10_02"),
    TRAIT_BIRTH_PLACE("INS-TRAIT-COG", "the birth place is a 5-character COG code", "INSi_RECSANS_INS.xsd COG"),
    BIRTH_DATE_UNKNOWN_PARTS("INS-BIRTH-DATE-UNKNOWN",
            "an unknown day is recorded as 01, an unknown month as 01, an unknown day and month as 31/12", "Guide INS v3.0 EXI ID 11 (as quoted, UNCONFIRMED)"),

    RNIV_DOUBTFUL_OR_FICTITIOUS("INS-IDENTITY-DOUT-FICT",
            "a douteuse or fictive identity stays provisoire and is never sent to INSi", "RNIV 1 v2.0 §3.2.3 EXI SI 09"),
    RNIV_TRANSITION_FORBIDDEN("INS-RNIV-TRANSITION",
            "RNIV statuses change only PROV→RECUP/VALI and RECUP/VALI→QUAL, on an INSi match or a high-trust document check", "RNIV 1 v2.0 §3.1; FR Core identity status"),
    RNIV_TRAITS_MISMATCH("INS-TRAITS-MISMATCH",
            "the identity INSi returns must match the person's traits before the INS is stored", "RNIV EXI SI 07; Guide INS EXI ID 10");

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
