package fr.duiconnect.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit events in memory; for tests and for embedding applications that forward them elsewhere. */
public final class InMemoryAuditSink implements AuditSink {

    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    public List<AuditEvent> events() {
        return new ArrayList<>(events);
    }

    public void clear() {
        events.clear();
    }
}
