package fr.duiconnect.core.internal.journal;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * PostgreSQL: listens on the journal's channel, on a connection of its own, for the commits of the other processes
 * sharing the journal — an accepted operation ({@code due <kind>}) or a settled one ({@code changed <id>}) — and
 * passes them on. Its own process's notifications are skipped (its in-process signals came first). After a lost
 * connection it reconnects and reports {@link Listener#resynchronise()}, since notifications sent meanwhile are gone.
 */
public final class JournalNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalNotifications.class);

    /** How long one wait for notifications lasts before the thread looks whether it should stop. */
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_PAUSE_MILLIS = 1_000;

    /** What the other processes announced. Called on the listening thread: keep it short. */
    public interface Listener {
        /** An operation of this kind was accepted and can be claimed. */
        void due(String kind);

        /** The operation was settled (delivered, failed, acknowledged or cancelled). */
        void changed(UUID operationId);

        /** Notifications may have been missed (start, reconnection): look again at everything. */
        void resynchronise();
    }

    private final JournalDatabase database;
    private final String origin;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean closed;

    private JournalNotifications(JournalDatabase database, String origin, Listener listener) {
        this.database = database;
        this.origin = origin;
        this.listener = listener;
        this.thread = new Thread(this::run, "dui-journal-listen");
        this.thread.setDaemon(true);
    }

    /** Starts listening; {@code origin} is this process's (see {@link OutboxJournal#origin()}). */
    public static JournalNotifications listen(JournalDatabase database, String origin, Listener listener) {
        if (!database.isPostgres()) {
            throw new IllegalStateException("journal notifications need PostgreSQL");
        }
        JournalNotifications notifications = new JournalNotifications(database, origin, listener);
        notifications.thread.start();
        return notifications;
    }

    static String due(String kind, String origin) {
        return "due " + kind + " " + origin;
    }

    static String changed(UUID id, String origin) {
        return "changed " + id + " " + origin;
    }

    private void run() {
        while (!closed) {
            try (Connection connection = database.dedicatedConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN \"" + database.notificationChannel() + "\"");
                }
                listener.resynchronise();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            pass(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("journal notifications interrupted ({}); listening again in {} ms", e.getMessage(), RECONNECT_PAUSE_MILLIS);
                try {
                    Thread.sleep(RECONNECT_PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void pass(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length < 3 || parts[2].equals(origin)) {
            return;
        }
        switch (parts[0]) {
            case "due" -> listener.due(parts[1]);
            case "changed" -> listener.changed(UUID.fromString(parts[1]));
            default -> LOG.debug("unknown journal notification {}", parts[0]);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2 * WAIT_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
