package fr.duiconnect.core.internal;

import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Sends each event to the journal first, then to the application's sinks; a failing extra sink does not stop the others. */
final class CompositeAuditSink implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeAuditSink.class);

    private final AuditSink primary;
    private final List<AuditSink> extra;

    CompositeAuditSink(AuditSink primary, List<AuditSink> extra) {
        this.primary = primary;
        this.extra = List.copyOf(extra);
    }

    @Override
    public void record(AuditEvent event) {
        primary.record(event);
        recordedInJournal(event);
    }

    /** For an event the journal already holds (committed with the outcome it records): the application's sinks only. */
    void recordedInJournal(AuditEvent event) {
        for (AuditSink sink : extra) {
            try {
                sink.record(event);
            } catch (RuntimeException e) {
                LOG.warn("an application audit sink failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
