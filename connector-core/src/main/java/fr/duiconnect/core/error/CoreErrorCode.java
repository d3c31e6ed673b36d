package fr.duiconnect.core.error;

/** Errors raised by the connector core itself, whatever the service. */
public enum CoreErrorCode implements ErrorCode {
    INPUT_REQUIRED("CORE-INPUT-REQUIRED", "a required field is missing or blank"),
    INPUT_FORMAT("CORE-INPUT-FORMAT", "a field does not have the format its specification gives"),
    INS_KEY_INVALID("INS-KEY-INVALID", "the INS key is 97 minus the 13-character number modulo 97 (2A as 19, 2B as 18)",
            "Référentiel INS; CNDA INSi"),
    INS_MATRICULE_FORMAT("INS-MATRICULE-FORMAT", "an INS matricule is 13 characters (sex, year, month, place, order) and a 2-digit key",
            "INSi_RESULTAT_INS.xsd NumIdentifiant/CLE"),
    FINESS_FORMAT("CORE-FINESS-FORMAT", "a FINESS number is 9 characters: department (2 digits, 2A or 2B) then 7 digits"),
    RPPS_FORMAT("CORE-RPPS-FORMAT", "an RPPS number is 11 digits with a Luhn check digit"),
    IDENTITY_NOT_QUALIFIED("INS-IDENTITY-NOT-QUALIFIED",
            "only a qualified identity (RNIV status QUAL) may carry its INS in an exchange", "RNIV EXI ID 29; FR Core Patient INS"),
    IDENTITY_DOUBTFUL_OR_FICTITIOUS("INS-IDENTITY-DOUT-FICT",
            "a douteuse or fictive identity stays provisoire and is never sent to INSi nor shared", "RNIV 1 v2.0 §3.2.3 EXI SI 09"),
    MODULE_MISSING("CORE-MODULE-MISSING", "the service's module must be on the class path"),
    CONFIGURATION("CORE-CONFIGURATION", "the connector configuration must be complete and consistent"),
    JOURNAL("CORE-JOURNAL", "the journal database must accept the operation before the call returns"),
    OPERATION_UNKNOWN("CORE-OPERATION-UNKNOWN", "the operation id must be one the journal holds"),
    TIMEOUT("CORE-TIMEOUT", "the remote service must answer within the configured timeout") {
        @Override public boolean retryable() { return true; }
    },
    TRANSPORT("CORE-TRANSPORT", "the remote service must be reachable") {
        @Override public boolean retryable() { return true; }
    },
    NOT_READY("CORE-NOT-READY", "what the service builds at start-up (its validators) must be ready before it checks content") {
        @Override public boolean retryable() { return true; }
    },
    TLS("CORE-TLS", "the peer must present a certificate the configured trust store accepts, for the right host"),
    REMOTE_REFUSED("CORE-REMOTE-REFUSED", "the remote service refused the request");

    private final String code;
    private final String rule;
    private final String reference;

    CoreErrorCode(String code, String rule) {
        this(code, rule, "");
    }

    CoreErrorCode(String code, String rule, String reference) {
        this.code = code;
        this.rule = rule;
        this.reference = reference;
    }

    @Override public String code() { return code; }
    @Override public String rule() { return rule; }
    @Override public String reference() { return reference; }
}
