package fr.duiconnect.core.spi;

import fr.duiconnect.core.operation.OperationState;

/**
 * What a delivery route returns on success: SENT when the service accepted the operation and a later
 * acknowledgement is expected (a DSN or MDN for a mail), ACKED when the answer is the acknowledgement
 * (a registry success). Failures are thrown as DuiConnect exceptions; retryable ones are retried.
 */
public record DeliveryOutcome(OperationState state, String remoteReference, String detail) {

    public DeliveryOutcome {
        if (state != OperationState.SENT && state != OperationState.ACKED) {
            throw new IllegalArgumentException("a delivery outcome is SENT or ACKED");
        }
    }

    public static DeliveryOutcome sent(String remoteReference) {
        return new DeliveryOutcome(OperationState.SENT, remoteReference, null);
    }

    public static DeliveryOutcome acked(String remoteReference) {
        return new DeliveryOutcome(OperationState.ACKED, remoteReference, null);
    }
}
