package fr.duiconnect.core.audit;

/** Where audit events go. The default sink writes them to the journal database; add others (syslog, SIEM) freely. */
@FunctionalInterface
public interface AuditSink {

    void record(AuditEvent event);
}
