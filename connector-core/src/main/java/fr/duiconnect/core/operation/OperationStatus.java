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

    public Optional<String> remoteReferenceIfAny() {
        return Optional.ofNullable(remoteReference);
    }

    public Optional<String> lastErrorIfAny() {
        return Optional.ofNullable(lastError);
    }
}
