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

    /**
     * The delivered operation of this kind whose remote reference is the given one, with its payload: what a module
     * reads to check that an acknowledgement really concerns something it sent (a receipt naming a Message-ID sent to
     * someone else proves nothing).
     */
    Optional<JournaledOperation> delivered(String kind, String remoteReference);
}
