package fr.duiconnect.eprescription;

import fr.duiconnect.core.error.ErrorCode;

/** Why an e-prescription import is refused or failed, with the rule and where it is published. */
public enum EPrescriptionErrorCode implements ErrorCode {
    CONTENT_INVALID("EPRESC-CONTENT-INVALID",
            "received resources must conform to the ePrescription IG profiles (fr-medicationrequest, fr-medication-*, FR Core Patient INS)",
            "ANS ePrescription IG 1.1.0-ballot, StructureDefinition fr-medicationrequest / fr-inpatient-medicationrequest"),
    CONTENT_UNREADABLE("EPRESC-CONTENT-UNREADABLE", "the answer must be a FHIR R4 JSON Bundle of type searchset",
            "ANS ePrescription IG, page Exemples (searchset of one prescription's lines)"),
    NO_LINE("EPRESC-NO-LINE", "a prescription has at least one MedicationRequest line",
            "ANS ePrescription IG, Vue d'ensemble (lines grouped by groupIdentifier)"),
    SEVERAL_PATIENTS("EPRESC-SEVERAL-PATIENTS", "all the lines of one prescription concern one patient",
            "ANS ePrescription IG, Vue d'ensemble; FRMedicationRequest.subject"),
    PATIENT_UNRESOLVED("EPRESC-PATIENT-UNRESOLVED",
            "the subject of a line must resolve to a Patient carrying an INS (fr-core-patient-ins, OID 1.2.250.1.213.1.4.8)",
            "ANS ePrescription IG FRMedicationRequest.subject; FR Core Patient INS"),
    MEDICATION_UNRESOLVED("EPRESC-MEDICATION-UNRESOLVED",
            "medicationReference must resolve to a Medication of the bundle (fr-medication-noncompound / fr-medication-compound)",
            "ANS ePrescription IG FRMedicationRequest.medication[x]"),
    IDENTITY_MISMATCH("EPRESC-IDENTITY-MISMATCH",
            "the prescription's patient must be the local person: same INS and same INS traits (birth name, first names, sex, birth date, birth place)",
            "RNIV 1 (identitovigilance), exigence EXI 20 rapprochement d'identités; FR Core Patient INS"),
    NOT_FOUND("EPRESC-NOT-FOUND", "the prescription number must be known to the prescription service",
            "FHIR R4 RESTful API: search / read, 404 Not Found"),
    CANCELLED("EPRESC-CANCELLED", "a cancelled (deleted) prescription cannot be imported",
            "FHIR R4 RESTful API: 410 Gone for a deleted resource"),
    ACCESS_REFUSED("EPRESC-ACCESS-REFUSED", "the service must accept the bearer token (401/403)",
            "RFC 6750 (OAuth 2.0 bearer token)"),
    SERVICE_ERROR("EPRESC-SERVICE-ERROR", "the prescription service answered with a server error (5xx); try again later",
            "FHIR R4 RESTful API, HTTP status codes") {
        @Override public boolean retryable() { return true; }
    },
    REQUEST_REFUSED("EPRESC-REQUEST-REFUSED", "the prescription service refused the request (4xx)", "FHIR R4 RESTful API, HTTP status codes"),
    TIMEOUT("EPRESC-TIMEOUT", "the prescription service must answer within the configured timeout", "") {
        @Override public boolean retryable() { return true; }
    },
    UNREACHABLE("EPRESC-UNREACHABLE", "the prescription service must be reachable over TLS with a trusted certificate", "") {
        @Override public boolean retryable() { return true; }
    };

    private final String code;
    private final String rule;
    private final String reference;

    EPrescriptionErrorCode(String code, String rule, String reference) {
        this.code = code;
        this.rule = rule;
        this.reference = reference;
    }

    @Override public String code() { return code; }
    @Override public String rule() { return rule; }
    @Override public String reference() { return reference; }
}
