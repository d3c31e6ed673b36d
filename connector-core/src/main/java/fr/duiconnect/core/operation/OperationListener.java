package fr.duiconnect.core.operation;

/**
 * Told of each change the journal records for an operation: accepted (PENDING), delivered (SENT or ACKED), an attempt
 * failed (PENDING again with its error, or FAILED), acknowledged later (DSN, MDN), cancelled. Registered with
 * {@link OperationTracker#subscribe}; called in order, one change at a time, on the connector's notification thread,
 * never on the thread that delivers. Changes recorded by another process sharing the journal are not seen.
 */
@FunctionalInterface
public interface OperationListener {

    /** The operation's status as recorded by this change. An exception thrown here is logged and ignored. */
    void onChange(OperationStatus status);
}
