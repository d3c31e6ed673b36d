package fr.duiconnect.cli.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL server for benchmark journals: each run gets a schema of its own, so runs never see each other's
 * operations. The password, if any, is read from {@code $DUI_TEST_PG_PASSWORD} and passed by variable name, never
 * written in a configuration file.
 */
public record PostgresJournal(String url, String user) {

    static final String PASSWORD_VARIABLE = "DUI_TEST_PG_PASSWORD";

    /** From the option, else {@code $DUI_TEST_PG_URL}; null when neither is set. */
    public static PostgresJournal of(String url, String user) {
        String chosen = url != null ? url : System.getenv("DUI_TEST_PG_URL");
        if (chosen == null) {
            return null;
        }
        return new PostgresJournal(chosen, user != null ? user : System.getenv().getOrDefault("DUI_TEST_PG_USER", "dui"));
    }

    /** Creates a new schema and returns the connector properties that put the journal in it. */
    public Map<String, String> newSchema() throws SQLException {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url, user, System.getenv(PASSWORD_VARIABLE));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        Map<String, String> journal = new HashMap<>();
        journal.put("dui.journal.dir", null);
        journal.put("dui.journal.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        journal.put("dui.journal.user", user);
        if (System.getenv(PASSWORD_VARIABLE) != null) {
            journal.put("dui.journal.password.env", PASSWORD_VARIABLE);
        }
        return journal;
    }
}
