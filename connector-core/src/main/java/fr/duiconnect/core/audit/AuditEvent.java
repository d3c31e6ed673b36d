package fr.duiconnect.core.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail (traçabilité): who (structure FINESS, professional, software), what (action),
 * for whom (INS matricule, or the DUI's local id when the INS is not qualified), when, and the outcome.
 * Never document bodies nor secrets: {@code detail} is a short reason or reference.
 *
 * @param operationId the journaled operation concerned, or null for synchronous calls
 */
public record AuditEvent(Instant occurredAt, String finess, String actor, String software, String action,
                         String person, UUID operationId, AuditOutcome outcome, String detail) {

    public static final int MAX_DETAIL = 500;

    public AuditEvent {
        if (occurredAt == null || action == null || outcome == null) {
            throw new IllegalArgumentException("an audit event needs a time, an action and an outcome");
        }
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
    }
}
