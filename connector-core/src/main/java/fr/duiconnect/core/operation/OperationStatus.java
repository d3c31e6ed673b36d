package fr.duiconnect.core.operation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a journaled operation stands.
 *
 * @param remoteReference what the service calls it (Message-ID, XDS uniqueId, FHIR id/version), once known
 * @param lastErrorCode   stable code of the last failure, if any
 * @param lastError       message of the last failure, if any (never patient data)
 */
public record OperationStatus(UUID operationId, String kind, OperationState state, int attempts,
                              Instant createdAt, Instant updatedAt, Instant nextAttemptAt,
                              String remoteReference, String lastErrorCode, String lastError) {

    /**
     * Written into {@link #lastError} of an operation that ended FAILED although one of its attempts may have reached
     * the service unheard (its answer timed out or was cut, or its process stopped mid-exchange): the service may hold
     * it. Before sending it again, check with the service (or the recipient).
     */
    public static final String EARLIER_ATTEMPT_MAY_HAVE_REACHED = "an attempt may have reached the service unheard";

    /** FAILED, yet the service may hold it: see {@link #EARLIER_ATTEMPT_MAY_HAVE_REACHED}. */
    public boolean failedButMayHaveReachedTheService() {
        return state == OperationState.FAILED && lastError != null && lastError.contains(EARLIER_ATTEMPT_MAY_HAVE_REACHED);
    }

    public Optional<String> remoteReferenceIfAny() {
        return Optional.ofNullable(remoteReference);
    }

    public Optional<String> lastErrorIfAny() {
        return Optional.ofNullable(lastError);
    }
}
