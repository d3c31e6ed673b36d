package fr.duiconnect.eparcours;

import fr.duiconnect.core.error.ErrorCode;

/** Why a cahier de liaison exchange is refused or failed, with the rule and where it is published. */
public enum EParcoursErrorCode implements ErrorCode {
    NOTE_INVALID("EPARCOURS-NOTE-INVALID", "a note must conform to cdl-document-reference (type from JDV_J23, subject, author, content; docStatus 0..0)",
            "ANS CI-SIS Cahier de liaison IG 3.0.0, StructureDefinition cdl-document-reference / cdl-bundle-creation-note"),
    CONFLICT("EPARCOURS-CONFLICT", "a note is updated only at the version last read (If-Match); a note changed meanwhile is not overwritten",
            "ANS CI-SIS Cahier de liaison IG 3.0.0, flux 2 MAJ note; FHIR R4 RESTful API, conditional update (412)"),
    NOT_OWN_NOTE("EPARCOURS-NOT-OWN-NOTE", "a structure updates or withdraws only the notes it wrote",
            "ANS CI-SIS Cahier de liaison IG 3.0.0, flux 2/3 (créateur de contenu)"),
    NOTE_NOT_FOUND("EPARCOURS-NOTE-NOT-FOUND", "the note must exist on the platform", "FHIR R4 RESTful API, 404/410"),
    ACCESS_REFUSED("EPARCOURS-ACCESS-REFUSED", "the platform must accept the bearer token (401/403)", "RFC 6750 (OAuth 2.0 bearer token)"),
    REFUSED("EPARCOURS-REFUSED", "the platform refused the request (4xx, OperationOutcome)", "FHIR R4 RESTful API, HTTP status codes"),
    PLATFORM_ERROR("EPARCOURS-PLATFORM-ERROR", "the platform answered with a server error (5xx); try again later", "FHIR R4 RESTful API") {
        @Override public boolean retryable() { return true; }
    },
    TIMEOUT("EPARCOURS-TIMEOUT", "the platform must answer within the configured timeout", "") {
        @Override public boolean retryable() { return true; }
    },
    UNREACHABLE("EPARCOURS-UNREACHABLE", "the platform must be reachable over TLS with a trusted certificate", "") {
        @Override public boolean retryable() { return true; }
    };

    private final String code;
    private final String rule;
    private final String reference;

    EParcoursErrorCode(String code, String rule, String reference) {
        this.code = code;
        this.rule = rule;
        this.reference = reference;
    }

    @Override public String code() { return code; }
    @Override public String rule() { return rule; }
    @Override public String reference() { return reference; }
}
