package fr.duiconnect.core.testing;

import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.config.Secret;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The journal databases the tests run on: embedded H2 always, PostgreSQL when {@code DUI_TEST_PG_URL} is set
 * (CI sets it; on CI its absence is an error, not a skip). Each PostgreSQL test gets its own schema.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public enum Kind { H2, POSTGRESQL }

    public static Stream<Kind> kinds() {
        return Stream.of(Kind.H2, Kind.POSTGRESQL);
    }

    public static JournalConfig journal(Kind kind, Path directory) {
        JournalConfig config = switch (kind) {
            case H2 -> JournalConfig.h2(directory);
            case POSTGRESQL -> freshPostgresSchema();
        };
        return config.withPolling(Duration.ofMillis(20), 20, Duration.ofSeconds(30));
    }

    public static boolean postgresAvailable() {
        return System.getenv("DUI_TEST_PG_URL") != null;
    }

    private static JournalConfig freshPostgresSchema() {
        String url = System.getenv("DUI_TEST_PG_URL");
        if (url == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must provide PostgreSQL (DUI_TEST_PG_URL): see .ci/postgres.sh");
            }
            Assumptions.abort("PostgreSQL not available here: set DUI_TEST_PG_URL (source .ci/postgres.sh; start_test_postgres)");
        }
        String user = System.getenv().getOrDefault("DUI_TEST_PG_USER", "dui");
        String password = System.getenv("DUI_TEST_PG_PASSWORD");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a PostgreSQL schema for the test", e);
        }
        String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return JournalConfig.postgres(scoped, user, password == null ? null : Secret.of(password));
    }
}
