package fr.duiconnect.core.internal.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.audit.AuditSink;
import fr.duiconnect.core.audit.AuditTrail;
import fr.duiconnect.core.error.JournalException;

import java.io.IOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The audit trail in the journal database: the default sink, queryable and exportable as JSON lines. */
public final class JdbcAuditStore implements AuditSink, AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final JournalDatabase database;

    public JdbcAuditStore(JournalDatabase database) {
        this.database = database;
    }

    @Override
    public void record(AuditEvent event) {
        Sql.inTransaction(database, "record an audit event", connection -> insert(connection, event));
    }

    /** Within a journal transaction: an outcome and its audit row commit together (see {@link OutboxJournal}). */
    static int insert(java.sql.Connection connection, AuditEvent event) throws java.sql.SQLException {
        return Sql.update(connection,
                "INSERT INTO audit_event (occurred_at, finess, actor, software, action, person, operation_id, outcome, detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.occurredAt(), event.finess(), event.actor(), event.software(), event.action(), event.person(),
                event.operationId() == null ? null : event.operationId().toString(), event.outcome().name(), event.detail());
    }

    @Override
    public List<AuditEvent> query(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT occurred_at, finess, actor, software, action, person, operation_id, "
                + "outcome, detail FROM audit_event WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            values.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            values.add(query.to());
        }
        if (query.person() != null) {
            sql.append(" AND person = ?");
            values.add(query.person());
        }
        if (query.finess() != null) {
            sql.append(" AND finess = ?");
            values.add(query.finess());
        }
        sql.append(" ORDER BY occurred_at, id");
        return Sql.read(database, "query the audit trail", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                Sql.bind(statement, values.toArray());
                try (ResultSet rows = statement.executeQuery()) {
                    List<AuditEvent> events = new ArrayList<>();
                    while (rows.next()) {
                        String operation = rows.getString("operation_id");
                        events.add(new AuditEvent(Sql.instant(rows, "occurred_at"), rows.getString("finess"),
                                rows.getString("actor"), rows.getString("software"), rows.getString("action"),
                                rows.getString("person"), operation == null ? null : UUID.fromString(operation),
                                AuditOutcome.valueOf(rows.getString("outcome")), rows.getString("detail")));
                    }
                    return events;
                }
            }
        });
    }

    @Override
    public long exportJsonLines(AuditQuery query, Writer out) {
        long count = 0;
        try {
            for (AuditEvent event : query(query)) {
                var line = JSON.createObjectNode()
                        .put("when", event.occurredAt().toString())
                        .put("structure", event.finess())
                        .put("who", event.actor())
                        .put("software", event.software())
                        .put("what", event.action())
                        .put("forWhom", event.person())
                        .put("operationId", event.operationId() == null ? null : event.operationId().toString())
                        .put("outcome", event.outcome().name())
                        .put("detail", event.detail());
                JSON.writeValue(out, line);
                out.write('\n');
                count++;
            }
            out.flush();
        } catch (IOException e) {
            throw new JournalException("the audit export could not be written", e);
        }
        return count;
    }
}
