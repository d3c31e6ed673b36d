package fr.duiconnect.dmp;

import fr.duiconnect.core.error.ErrorCode;

/**
 * DMP errors: CDA content rules, validation-kit problems, the local pre-checks of a deposit, and what the DMP
 * answers (XDS RegistryError codes and TD0.2 states). Each names its rule and where it is published.
 */
public enum DmpErrorCode implements ErrorCode {
    CDA_SCHEMA("DMP-CDA-SCHEMA", "a CDA document validates against the CDA R2 schema with the French extensions", "ANS TestContenuCDA CDA_extended.xsd"),
    CDA_SCHEMATRON("DMP-CDA-SCHEMATRON", "a CDA document reports no failed assertion on its volet's schematron", "CI-SIS volet; ANS TestContenuCDA"),
    CDA_VOLET_UNKNOWN("DMP-CDA-VOLET", "the CDA document's templateIds name a volet the kit has a schematron for", "CI-SIS"),
    KIT_LOCATION("DMP-KIT", "the ANS CDA validation kit's location holds schematrons/, jeuxDeValeurs/ and infrastructure/cda/", "ANS TestContenuCDA"),

    // --- document writing pre-checks (DLU, liaison letters)
    DOCUMENT_CONTENT("DMP-DOCUMENT-CONTENT", "a DLU or liaison letter carries the data its volet requires, consistent and with codes from the lists it names", "CI-SIS volet DLU-EHPAD 2022.01; CI-SIS structuration minimale"),
    ATTACHMENT("DMP-ATTACHMENT", "an attached or body document is a PDF (%PDF- header) within the configured size", "CI-SIS structuration minimale (corps non structuré); DLU-EHPAD observationMedia"),

    // --- deposit pre-checks (local, before anything is journaled) ---
    CDA_HEADER("DMP-CDA-HEADER", "the CDA header carries what the XDS metadata is derived from (id, setId, code, INS, author, FINESS, facility, practice setting)", "CI-SIS mapping XDS (IG volet transmission CDA R2, mapping.md)"),
    INS_MISMATCH("DMP-INS-MISMATCH", "the CDA's recordTarget INS is the INS of the person the deposit is for", "CI-SIS structuration minimale; RNIV"),
    NON_OPPOSITION("DMP-NON-OPPOSITION", "the person's non-opposition to feeding the DMP is recorded before any deposit", "CSP L.1111-15; DMPi (alimentation)"),
    TYPE_CODE("DMP-TYPE-CODE", "the typeCode is in JDV_J66-TypeCode-DMP and has a classCode in ASS_X16", "NOS JDV_J66, ASS_X16"),
    FORMAT_CODE("DMP-FORMAT-CODE", "the formatCode follows from the CDA templateId (ASS_A11) or is the level-1 PDF format", "NOS ASS_A11, JDV_J60"),
    FACILITY_CODE("DMP-FACILITY-CODE", "healthcareFacilityTypeCode is in TRE_R02 SecteurActivite (J61 of the DMP)", "NOS JDV_J61"),
    AUTHOR_INSTITUTION("DMP-AUTHOR-INSTITUTION", "one authorInstitution is the structure authenticated by the VIHF (Identifiant_Structure)", "DMPi EX_2.1-1140"),
    UNIQUE_ID("DMP-UNIQUE-ID", "the document uniqueId is an OID of at most 64 characters (2.25 UUID-OID or installation root)", "DMPi EX_2.1-1130"),
    SIGNATURE_KEY("DMP-SIGN-KEY", "the ORG SIGN key and certificate sign the VIHF and the submission set", "DMPi; IGC-Santé ORG SIGN"),
    REPLACE_TARGET("DMP-REPLACE-TARGET", "a replacement names an approved document of the same person, found by its uniqueId (TD3.1)", "IHE ITI-41 RPLC; PDSM4DMP TD2.2"),
    DOCUMENT_NOT_FOUND("DMP-DOCUMENT-NOT-FOUND", "the uniqueId names a document of this person in the DMP", "IHE ITI-18/43"),

    // --- what the DMP answers ---
    DMP_ABSENT("DMP-ABSENT", "the person has a DMP (TD0.2 queryResponseCode OK, not NF)", "DMPi TD0.2"),
    DMP_CLOSED("DMP-CLOSED", "the person's DMP is open: a closed DMP cannot be fed", "DMPi TD0.2"),
    REGISTRY_ERROR("DMP-XDS-REGISTRY", "the DMP registry accepts the submission; its RegistryError code is carried as the remote code", "IHE ITI TF-3 4.2.4; DMPi"),
    DUPLICATE_UNIQUE_ID("DMP-XDS-DUPLICATE", "a uniqueId is registered once (XDSDuplicateUniqueIdInRegistry)", "IHE ITI TF-3 Table 4.2.4.1-2"),
    VIHF_REFUSED("DMP-VIHF", "the DMP accepts the VIHF assertion (signature, mandatory attributes, structure)", "DMPi VIHF; IG volet transmission CDA R2 mapping VIHF"),
    DMP_UNAVAILABLE("DMP-UNAVAILABLE", "the DMP answers (HTTP 5xx, SOAP Receiver faults are transient)", "DMPi") {
        @Override public boolean retryable() { return true; }
    },
    MALFORMED_ANSWER("DMP-ANSWER", "the DMP's answer is a SOAP 1.2 envelope (MTOM when it carries documents) of the expected transaction", "IHE ITI TF-2");

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
