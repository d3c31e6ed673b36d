package fr.duiconnect.core.operation;

import java.time.Instant;
import java.util.UUID;

/**
 * Proof that an operation was journaled durably: returned only after the journal commit.
 *
 * @param alreadyAccepted true when the idempotency key was seen before; the receipt is then the earlier one's
 */
public record OperationReceipt(UUID operationId, String kind, String idempotencyKey, Instant acceptedAt,
                               boolean alreadyAccepted) {
}
