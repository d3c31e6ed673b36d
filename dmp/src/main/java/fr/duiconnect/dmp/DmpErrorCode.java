package fr.duiconnect.dmp;

import fr.duiconnect.core.error.ErrorCode;

/** DMP errors: CDA content rules and validation-kit problems (the XDS and VIHF rules come with the exchanges). */
public enum DmpErrorCode implements ErrorCode {
    CDA_SCHEMA("DMP-CDA-SCHEMA", "a CDA document validates against the CDA R2 schema with the French extensions", "ANS TestContenuCDA CDA_extended.xsd"),
    CDA_SCHEMATRON("DMP-CDA-SCHEMATRON", "a CDA document reports no failed assertion on its volet's schematron", "CI-SIS volet; ANS TestContenuCDA"),
    CDA_VOLET_UNKNOWN("DMP-CDA-VOLET", "the CDA document's templateIds name a volet the kit has a schematron for", "CI-SIS"),
    KIT_LOCATION("DMP-KIT", "the ANS CDA validation kit's location holds schematrons/, jeuxDeValeurs/ and infrastructure/cda/", "ANS TestContenuCDA");

    private final String code;
    private final String rule;
    private final String reference;

    DmpErrorCode(String code, String rule, String reference) {
        this.code = code;
        this.rule = rule;
        this.reference = reference;
    }

    @Override public String code() { return code; }
    @Override public String rule() { return rule; }
    @Override public String reference() { return reference; }
}
