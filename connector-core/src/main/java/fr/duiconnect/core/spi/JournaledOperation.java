package fr.duiconnect.core.spi;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An operation claimed from the journal for one delivery attempt; the body a delivery route receives. */
public record JournaledOperation(UUID operationId, String kind, String idempotencyKey, String finess, String actor,
                                 String person, String contentType, byte[] payload, Map<String, String> attributes,
                                 int attempt, Instant createdAt) {
}
