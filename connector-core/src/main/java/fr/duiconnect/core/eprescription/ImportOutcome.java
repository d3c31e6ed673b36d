package fr.duiconnect.core.eprescription;

/** What importing a prescription did. */
public enum ImportOutcome {
    /** First time this prescription is imported. */
    IMPORTED,
    /** Already imported with the same content: nothing changed, the DUI has nothing to do. */
    ALREADY_IMPORTED,
    /** Already imported, and its content changed since (a line cancelled, a renewal): the DUI updates its lines. */
    UPDATED
}
