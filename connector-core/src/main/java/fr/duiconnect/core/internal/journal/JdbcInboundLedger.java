package fr.duiconnect.core.internal.journal;

import fr.duiconnect.core.spi.InboundLedger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/** What was received, by kind and external id, with its last version. */
public final class JdbcInboundLedger implements InboundLedger {

    private final JournalDatabase database;
    private final Clock clock;

    public JdbcInboundLedger(JournalDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Receipt record(String kind, String externalId, String version, String finess, String person) {
        String v = version == null ? "" : version;
        var now = clock.instant();
        try {
            return Sql.inTransaction(database, "record a received item", connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT version FROM inbound_record WHERE kind = ? AND external_id = ? FOR UPDATE")) {
                    Sql.bind(statement, kind, externalId);
                    try (ResultSet row = statement.executeQuery()) {
                        if (!row.next()) {
                            Sql.update(connection, "INSERT INTO inbound_record (kind, external_id, version, finess, person, "
                                    + "first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)", kind, externalId, v, finess, person, now, now);
                            return Receipt.NEW;
                        }
                        if (row.getString(1).equals(v)) {
                            return Receipt.SAME_VERSION;
                        }
                    }
                }
                Sql.update(connection, "UPDATE inbound_record SET version = ?, last_seen = ? WHERE kind = ? AND external_id = ?",
                        v, now, kind, externalId);
                return Receipt.NEW_VERSION;
            });
        } catch (fr.duiconnect.core.error.JournalException e) {
            if (e.getCause() instanceof SQLException sql && Sql.isUniqueViolation(sql)) {
                // Received twice at the same moment: the other insert won, this one is a repeat.
                return record(kind, externalId, version, finess, person);
            }
            throw e;
        }
    }
}
