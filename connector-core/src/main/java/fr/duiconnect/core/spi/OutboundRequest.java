package fr.duiconnect.core.spi;

import fr.duiconnect.core.model.Require;

import java.util.Map;

/**
 * An outbound operation a module hands to the journal: everything needed to deliver it later, in another
 * process if need be, so it is self-contained (the payload is the ready-to-send content or its serialised request).
 *
 * @param kind           {@code <service>.<operation>}, e.g. {@code dmp.deposit}; selects the delivery route
 * @param idempotencyKey unique per business operation (e.g. the document uniqueId, the Message-ID): a second
 *                       accept with the same key returns the first receipt and sends nothing
 * @param finess         structure on whose behalf it is sent (for audit and usage indicators)
 * @param actor          professional national id or "software" (for audit)
 * @param person         INS matricule of the person concerned, or the local id; may be null
 * @param contentType    MIME type of the payload
 * @param payload        what the delivery route needs
 * @param attributes     small string attributes (no patient data) the route needs, e.g. a recipient domain
 */
public record OutboundRequest(String kind, String idempotencyKey, String finess, String actor, String person,
                              String contentType, byte[] payload, Map<String, String> attributes) {

    public OutboundRequest {
        Require.matches(kind, "[a-z]+\\.[a-z0-9-]+", "kind", "<service>.<operation> in lower case");
        Require.text(idempotencyKey, "idempotencyKey");
        if (idempotencyKey.length() > 200) {
            throw fr.duiconnect.core.error.InvalidInputException.format("idempotencyKey", "at most 200 characters");
        }
        Require.present(payload, "payload");
        contentType = contentType == null ? "application/octet-stream" : contentType;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
