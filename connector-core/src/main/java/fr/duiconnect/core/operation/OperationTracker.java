package fr.duiconnect.core.operation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Follows journaled operations: query, wait, and cancel. Thread-safe. */
public interface OperationTracker {

    /** Current status; throws {@code CORE-OPERATION-UNKNOWN} for an id the journal does not hold. */
    OperationStatus status(UUID operationId);

    /**
     * Waits until the operation is settled (SENT, ACKED or FAILED) or the timeout passes, and returns its status
     * then (still PENDING if the timeout passed first).
     */
    OperationStatus await(UUID operationId, Duration timeout);

    /** Waits until the operation reaches a final state (ACKED or FAILED) or the timeout passes. */
    OperationStatus awaitFinal(UUID operationId, Duration timeout);

    /** Gives up a PENDING operation: it becomes FAILED with the reason. Returns false if it was no longer pending. */
    boolean cancel(UUID operationId, String reason);

    /** Operations in the given state, oldest first, at most {@code limit}. */
    List<OperationStatus> list(OperationState state, int limit);

    /**
     * Tells the listener of every change this connector records from now on, until the subscription is closed.
     * The listener runs on one notification thread shared by all listeners: keep it short.
     */
    Subscription subscribe(OperationListener listener);

    /** Ends a subscription; closing twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
