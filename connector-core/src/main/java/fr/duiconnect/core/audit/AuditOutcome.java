package fr.duiconnect.core.audit;

/** Outcome of an audited action. */
public enum AuditOutcome {
    /** Journaled for delivery. */
    ACCEPTED,
    /** Done: delivered, answered, imported. */
    SUCCESS,
    /** Refused before sending (validation, identitovigilance). */
    REFUSED,
    /** Failed at the service or in transport. */
    FAILURE
}
