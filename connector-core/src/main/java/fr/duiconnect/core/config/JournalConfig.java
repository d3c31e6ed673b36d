package fr.duiconnect.core.config;

import fr.duiconnect.core.error.ConfigurationException;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The journal (outbox and audit) database. The default is an embedded H2 file database under a directory;
 * PostgreSQL is supported with the same schema, and several connector processes may drain one PostgreSQL journal.
 *
 * @param jdbcUrl      JDBC URL ({@code jdbc:h2:file:...} or {@code jdbc:postgresql://...})
 * @param user         database user
 * @param password     database password, may be null for H2
 * @param maxPoolSize  connections kept open
 * @param pollInterval the dispatcher's safety net: how often it looks for due operations even without a signal
 *                     (an accept, a freed worker slot, a retry coming due, a PostgreSQL notification); default 5 s
 * @param batchSize    no longer used: the dispatcher claims one operation per free worker slot (kept so that
 *                     existing configurations still load)
 * @param lease        how long a claimed operation is reserved to its dispatcher before another may resume it
 * @param payloadRetention how long the body of a delivered operation (ACKED, or SENT and never acknowledged) stays in
 *                     the journal after its delivery; its row, status and audit stay. The journal is not the document
 *                     archive (the DUI and the national service hold the document): a nightly refresh of 120,000 DLUs
 *                     would otherwise add some 5 GB a night. FAILED and pending operations keep their body.
 */
public record JournalConfig(String jdbcUrl, String user, Secret password, int maxPoolSize,
                            Duration pollInterval, int batchSize, Duration lease, Duration payloadRetention) {

    /**
     * Long enough for a late MSSanté acknowledgement (DSN, MDN) to be checked against the message it names, and for
     * an operator to look at a delivery the DUI questions. Unconfirmed: no national text sets it; configurable.
     */
    public static final Duration DEFAULT_PAYLOAD_RETENTION = Duration.ofDays(30);

    /** Deliveries are started by signals; this slow poll only catches what a signal could not announce. */
    public static final Duration DEFAULT_SAFETY_POLL = Duration.ofSeconds(5);

    public JournalConfig {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new ConfigurationException("journal.url", "must be an H2 or PostgreSQL JDBC URL");
        }
        user = user == null ? "" : user;
        if (maxPoolSize < 1) {
            throw new ConfigurationException("journal.pool.max", "must be at least 1");
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new ConfigurationException("journal.poll.interval", "must be a positive duration");
        }
        if (batchSize < 1) {
            throw new ConfigurationException("journal.batch.size", "must be at least 1");
        }
        if (lease == null || lease.toSeconds() < 1) {
            throw new ConfigurationException("journal.lease", "must be at least one second");
        }
        if (payloadRetention == null || payloadRetention.isNegative()) {
            throw new ConfigurationException("journal.payload.retention", "must be a duration, zero or more");
        }
    }

    /** With the default payload retention. */
    public JournalConfig(String jdbcUrl, String user, Secret password, int maxPoolSize,
                         Duration pollInterval, int batchSize, Duration lease) {
        this(jdbcUrl, user, password, maxPoolSize, pollInterval, batchSize, lease, DEFAULT_PAYLOAD_RETENTION);
    }

    /** Embedded H2 file database {@code dui-journal} under the given directory. */
    public static JournalConfig h2(Path directory) {
        // WRITE_DELAY=0: a commit reaches the file before the call returns, so a killed process loses nothing.
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("dui-journal") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        return new JournalConfig(url, "sa", null, 4, DEFAULT_SAFETY_POLL, 20, Duration.ofMinutes(2));
    }

    public static JournalConfig postgres(String jdbcUrl, String user, Secret password) {
        return new JournalConfig(jdbcUrl, user, password, 8, DEFAULT_SAFETY_POLL, 20, Duration.ofMinutes(2));
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    public JournalConfig withPolling(Duration interval, int batch, Duration newLease) {
        return new JournalConfig(jdbcUrl, user, password, maxPoolSize, interval, batch, newLease, payloadRetention);
    }

    public JournalConfig withPayloadRetention(Duration retention) {
        return new JournalConfig(jdbcUrl, user, password, maxPoolSize, pollInterval, batchSize, lease, retention);
    }
}
