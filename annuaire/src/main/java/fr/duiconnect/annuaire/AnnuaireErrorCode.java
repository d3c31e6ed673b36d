package fr.duiconnect.annuaire;

import fr.duiconnect.core.error.ErrorCode;

/** Why a directory lookup is refused or failed, with the rule and where it is published. */
public enum AnnuaireErrorCode implements ErrorCode {
    FINESS_FORMAT("ANNUAIRE-FINESS-FORMAT", "a FINESS number is 9 characters: the department (2 digits, 2A or 2B) then 7 digits",
            "FINESS nomenclature (DREES)"),
    FINESS_KEY("ANNUAIRE-FINESS-KEY", "the last digit of a FINESS number is its control key (Luhn over the 9 digits)",
            "FINESS nomenclature (DREES)"),
    RESOURCE_INVALID("ANNUAIRE-RESOURCE-INVALID", "a directory resource must conform to the annuaire IG profiles (as-dp-practitioner, -practitionerrole, -organization, -healthcareservice-*, as-mailbox-mss)",
            "ANS IG Annuaire Santé 1.2.0-snapshot-2"),
    ACCESS_REFUSED("ANNUAIRE-ACCESS-REFUSED", "the directory must accept the ESANTE-API-KEY (401/403)",
            "ANS Annuaire Santé FHIR API v2, getting started"),
    REFUSED("ANNUAIRE-REFUSED", "the directory refused the request (4xx, OperationOutcome)", "FHIR R4 RESTful API, HTTP status codes"),
    NOT_FOUND("ANNUAIRE-NOT-FOUND", "the directory resource must exist", "FHIR R4 RESTful API, 404/410"),
    SERVER_ERROR("ANNUAIRE-SERVER-ERROR", "the directory answered with a server error (5xx); try again later", "FHIR R4 RESTful API") {
        @Override public boolean retryable() { return true; }
    },
    TIMEOUT("ANNUAIRE-TIMEOUT", "the directory must answer within the configured timeout", "") {
        @Override public boolean retryable() { return true; }
    },
    UNREACHABLE("ANNUAIRE-UNREACHABLE", "the directory must be reachable over TLS with a trusted certificate", "") {
        @Override public boolean retryable() { return true; }
    };

    private final String code;
    private final String rule;
    private final String reference;

    AnnuaireErrorCode(String code, String rule, String reference) {
        this.code = code;
        this.rule = rule;
        this.reference = reference;
    }

    @Override public String code() { return code; }
    @Override public String rule() { return rule; }
    @Override public String reference() { return reference; }
}
