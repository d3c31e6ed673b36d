package fr.duiconnect.core.audit;

import java.time.Instant;

/**
 * Selects audit events: time range [from, to), optionally one person and one structure.
 * Null bounds mean open.
 */
public record AuditQuery(Instant from, Instant to, String person, String finess) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }

    public static AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(from, to, null, null);
    }

    public AuditQuery forPerson(String personId) {
        return new AuditQuery(from, to, personId, finess);
    }

    public AuditQuery forStructure(String finessNumber) {
        return new AuditQuery(from, to, person, finessNumber);
    }
}
