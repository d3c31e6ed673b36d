package fr.duiconnect.core.operation;

/**
 * Life of a journaled outbound operation: PENDING (journaled, not yet delivered; retried while retryable),
 * SENT (the service accepted it), ACKED (the service or recipient confirmed it: registry success, DSN, MDN),
 * FAILED (refused, or retries exhausted, or cancelled; the reason is kept).
 */
public enum OperationState {
    PENDING, SENT, ACKED, FAILED;

    public boolean isFinal() {
        return this == ACKED || this == FAILED;
    }

    /** Delivered or given up: the caller's wait is over. */
    public boolean isSettled() {
        return this != PENDING;
    }
}
