package fr.duiconnect.core.audit;

import java.io.Writer;
import java.util.List;

/** The audit trail kept in the journal database. */
public interface AuditTrail {

    List<AuditEvent> query(AuditQuery query);

    /** Writes the selected events as JSON lines, oldest first; returns how many were written. */
    long exportJsonLines(AuditQuery query, Writer out);
}
