package fr.duiconnect.core.internal.journal;

import fr.duiconnect.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal whose schema is current is opened without Flyway (half a second of every start); any other journal goes
 * through Flyway. These rules keep the shortcut from ever skipping a migration.
 */
class JournalSchemaTest {

    private static final Pattern MIGRATION = Pattern.compile("V([0-9_]+)__.+\\.sql");

    @TempDir
    Path dir;
    private JournalDatabase database;

    static List<TestDatabases.Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void the_versions_recognised_current_are_those_of_every_migration_shipped_for_each_database() throws Exception {
        for (String database : List.of("h2", "postgresql")) {
            Path folder = Path.of(Objects.requireNonNull(getClass().getResource("/db/migration/" + database)).toURI());
            Set<String> versions;
            try (Stream<Path> files = Files.list(folder)) {
                versions = files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                        .filter(Matcher::matches).map(m -> m.group(1).replace('_', '.')).collect(Collectors.toSet());
            }
            assertThat(versions).as(database).isEqualTo(JournalDatabase.MIGRATIONS);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_new_journal_is_migrated_and_then_recognised_current(TestDatabases.Kind kind) {
        database = JournalDatabase.open(TestDatabases.journal(kind, dir));
        assertThat(JournalDatabase.isCurrent(database.dataSource())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_journal_missing_its_last_migration_is_not_current(TestDatabases.Kind kind) throws SQLException {
        assertThat(currentAfter(kind, "DELETE FROM \"" + JournalDatabase.HISTORY + "\" WHERE \"version\" = '4'")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_journal_with_a_failed_migration_is_not_current(TestDatabases.Kind kind) throws SQLException {
        assertThat(currentAfter(kind, "UPDATE \"" + JournalDatabase.HISTORY + "\" SET \"success\" = FALSE WHERE \"version\" = '4'")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_journal_a_later_version_migrated_is_not_current(TestDatabases.Kind kind) throws SQLException {
        assertThat(currentAfter(kind, "INSERT INTO \"" + JournalDatabase.HISTORY + "\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '5', 'later', 'SQL', 'V5__later.sql', 0, 'test', 1, TRUE)")).isFalse();
    }

    @Test
    void an_empty_database_is_not_current() throws Exception {
        var config = TestDatabases.journal(TestDatabases.Kind.H2, dir);
        try (var pool = new com.zaxxer.hikari.HikariDataSource()) {
            pool.setJdbcUrl(config.jdbcUrl());
            pool.setUsername(config.user());
            assertThat(JournalDatabase.isCurrent(pool)).isFalse();
        }
    }

    /** Whether a migrated journal is still recognised current once its history was changed by {@code sql}. */
    private boolean currentAfter(TestDatabases.Kind kind, String sql) throws SQLException {
        database = JournalDatabase.open(TestDatabases.journal(kind, dir));
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return JournalDatabase.isCurrent(database.dataSource());
    }
}
