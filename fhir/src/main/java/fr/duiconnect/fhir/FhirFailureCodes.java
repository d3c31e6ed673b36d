package fr.duiconnect.fhir;

import fr.duiconnect.core.error.ErrorCode;

/** The error codes a module reports for each kind of failure of a FHIR REST call. */
public interface FhirFailureCodes {

    ErrorCode notFound();

    ErrorCode gone();

    ErrorCode accessRefused();

    /** 409 Conflict / 412 Precondition Failed (version checks). */
    ErrorCode conflict();

    /** Other 4xx, including 400/422 with an OperationOutcome. */
    ErrorCode refused();

    ErrorCode serverError();

    ErrorCode timeout();

    ErrorCode unreachable();

    /** An answer past its size cap: not worth retrying as it is (the peer or the cap needs looking at). */
    default ErrorCode answerTooLarge() {
        return refused();
    }
}
