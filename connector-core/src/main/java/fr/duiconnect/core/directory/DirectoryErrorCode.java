package fr.duiconnect.core.directory;

import fr.duiconnect.core.error.ErrorCode;

/** Why a professional or a structure the DUI names cannot be used through the directory. */
public enum DirectoryErrorCode implements ErrorCode {
    RPPS_UNKNOWN("DIRECTORY-RPPS-UNKNOWN", "the RPPS must be published in the Annuaire Santé"),
    NOT_PRACTISING("DIRECTORY-NOT-PRACTISING", "the professional must be active in the Annuaire Santé (not retired or struck off)"),
    NO_PERSONAL_MAILBOX("DIRECTORY-NO-PERSONAL-MAILBOX", "a message to a professional by RPPS goes to their one personal (PER) MSSanté mailbox"),
    FINESS_UNKNOWN("DIRECTORY-FINESS-UNKNOWN", "the FINESS must be published in the Annuaire Santé");

    private final String code;
    private final String rule;

    DirectoryErrorCode(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    @Override public String code() { return code; }
    @Override public String rule() { return rule; }
    @Override public String reference() { return "ANS Annuaire Santé FHIR API v2, use case BAL MSSanté (types PER/CAB/ORG/APP, TRE_R257)"; }
}
