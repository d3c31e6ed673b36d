package fr.duiconnect.core.internal.journal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.error.JournalException;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The journal's connection pool, migrated to the current schema on start. */
public final class JournalDatabase implements AutoCloseable {

    /** Flyway's history of the journal schema. */
    static final String HISTORY = "dui_schema_history";

    /**
     * The versions of the migrations under {@code db/migration/h2} and {@code db/migration/postgresql} (the same for
     * both); {@code JournalSchemaTest} fails when a migration is added without its version here.
     */
    static final java.util.Set<String> MIGRATIONS = java.util.Set.of("1", "2", "3.1", "4");

    private final HikariDataSource dataSource;
    private final JournalConfig config;
    private final String channel;

    private JournalDatabase(HikariDataSource dataSource, JournalConfig config, String channel) {
        this.dataSource = dataSource;
        this.config = config;
        this.channel = channel;
    }

    public static JournalDatabase open(JournalConfig config) {
        requireDriver(config);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(config.jdbcUrl());
        pool.setUsername(config.user());
        if (config.password() != null) {
            pool.setPassword(new String(config.password().chars()));
        }
        pool.setMaximumPoolSize(config.maxPoolSize());
        pool.setPoolName("dui-journal");
        pool.setConnectionTimeout(10_000);
        pool.setAutoCommit(true);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new JournalException("the journal database cannot be opened", e);
        }
        try {
            if (!isCurrent(dataSource)) {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration/" + (config.isPostgres() ? "postgresql" : "h2"))
                        .table(HISTORY)
                        .load()
                        .migrate();
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw new JournalException("the journal schema cannot be migrated", e);
        }
        try {
            return new JournalDatabase(dataSource, config, config.isPostgres() ? channelOf(dataSource) : null);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Whether the journal's schema already holds every migration this version ships, each applied successfully, and no
     * other: the usual start, which then does not load Flyway (with its JSON and TOML libraries, half a second of the
     * connector's start). Anything else — a new journal, a pending or failed migration, a journal a later version
     * migrated — goes to Flyway, which migrates or says what is wrong. (Flyway's check that an applied script was not
     * edited afterwards is left to the starts that migrate: a released migration is never edited.)
     */
    static boolean isCurrent(DataSource dataSource) {
        java.util.Set<String> applied = new java.util.HashSet<>();
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY + "\"")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                if (rows.getString(1) != null) {
                    applied.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            return false;   // no history yet: a new journal
        }
        return applied.equals(MIGRATIONS);
    }

    /**
     * One notification channel per journal schema: processes on the same journal hear each other, and journals
     * in other schemas of the same database (tests, other tenants) stay quiet.
     */
    private static String channelOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT current_schema()")) {
            String schema = row.next() && row.getString(1) != null ? row.getString(1) : "public";
            String name = "dui_outbox_" + schema.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            return name.length() > 63 ? name.substring(0, 63) : name;
        } catch (SQLException e) {
            throw new JournalException("the journal's schema cannot be read", e);
        }
    }

    /**
     * The database driver is the application's choice (both are optional dependencies of the core): say which
     * artifact is missing rather than let the pool fail with "No suitable driver".
     */
    private static void requireDriver(JournalConfig config) {
        String driver = config.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver";
        String artifact = config.isPostgres() ? "org.postgresql:postgresql" : "com.h2database:h2";
        try {
            Class.forName(driver, false, JournalDatabase.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new JournalException("the journal database needs the JDBC driver " + artifact
                    + " on the application's classpath (DUI Connect leaves the choice of database to the application)", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return config.isPostgres();
    }

    /** PostgreSQL: the channel the journal's commits are announced on. */
    String notificationChannel() {
        return channel;
    }

    /** A connection of its own, outside the pool, for a session that lives as long as the connector (LISTEN). */
    Connection dedicatedConnection() throws SQLException {
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", config.user());
        if (config.password() != null) {
            login.setProperty("password", new String(config.password().chars()));
        }
        return java.sql.DriverManager.getConnection(config.jdbcUrl(), login);
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
