package fr.duiconnect.core.internal.journal;

import fr.duiconnect.core.spi.CursorStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** Durable named cursors in the journal database. */
public final class JdbcCursorStore implements CursorStore {

    private final JournalDatabase database;
    private final Clock clock;

    public JdbcCursorStore(JournalDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String name) {
        return Sql.read(database, "read a cursor", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT cursor_value FROM journal_cursor WHERE name = ?")) {
                Sql.bind(statement, name);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void put(String name, String value) {
        var now = clock.instant();
        Sql.inTransaction(database, "store a cursor", connection -> {
            int updated = Sql.update(connection, "UPDATE journal_cursor SET cursor_value = ?, updated_at = ? WHERE name = ?", value, now, name);
            if (updated == 0) {
                Sql.update(connection, "INSERT INTO journal_cursor (name, cursor_value, updated_at) VALUES (?, ?, ?)", name, value, now);
            }
            return null;
        });
    }
}
