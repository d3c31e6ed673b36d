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
