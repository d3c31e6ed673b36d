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

    private final HikariDataSource dataSource;
    private final boolean postgres;

    private JournalDatabase(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
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
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + (config.isPostgres() ? "postgresql" : "h2"))
                    .table("dui_schema_history")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new JournalException("the journal schema cannot be migrated", e);
        }
        return new JournalDatabase(dataSource, config.isPostgres());
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
        return postgres;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
