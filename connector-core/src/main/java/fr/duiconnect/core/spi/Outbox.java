package fr.duiconnect.core.spi;

import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;

import java.util.Optional;
import java.util.UUID;

/** The journal as modules see it. */
public interface Outbox {

    /** Commits the operation to the journal (or finds it by idempotency key) and returns its receipt. */
    OperationReceipt accept(OutboundRequest request);

    /**
     * Records an acknowledgement that arrived later (DSN, MDN, status notification) for an operation found by its
     * kind and remote reference. Returns the operation id, if one matched.
     */
    Optional<UUID> acknowledge(String kind, String remoteReference, OperationState state, String detail);
}
