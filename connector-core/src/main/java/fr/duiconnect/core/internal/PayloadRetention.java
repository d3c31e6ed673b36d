package fr.duiconnect.core.internal;

import fr.duiconnect.core.internal.journal.OutboxJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Removes from the journal the bodies of operations delivered longer ago than the retention
 * ({@code dui.journal.payload.retention}), a batch per transaction so that a pass never holds the journal long, once at
 * start and then every hour, on a daemon thread of its own. The journal is the outbox, not the document archive: kept
 * forever, a nightly refresh of a DUI's 120,000 DLUs (about 44 KB each) would add some 5 GB to it every night.
 */
final class PayloadRetention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PayloadRetention.class);
    static final int BATCH = 500;
    private static final Duration EVERY = Duration.ofHours(1);

    private final OutboxJournal journal;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    PayloadRetention(OutboxJournal journal, Duration retention, Clock clock) {
        this.journal = journal;
        this.retention = retention;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dui-journal-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        // The first pass a minute after start: not in the way of the start-up and the first deliveries.
        timer.scheduleWithFixedDelay(this::passQuietly, 60, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** One pass: every body past the retention, batch after batch. Returns how many were removed. */
    int pass() {
        int removed = 0;
        int batch;
        do {
            batch = journal.purgeDeliveredPayloads(clock.instant().minus(retention), BATCH);
            removed += batch;
        } while (batch == BATCH && !Thread.currentThread().isInterrupted());
        return removed;
    }

    private void passQuietly() {
        try {
            int removed = pass();
            if (removed > 0) {
                LOG.info("removed the bodies of {} operations delivered more than {} ago", removed, retention);
            }
        } catch (RuntimeException e) {
            // The next pass tries again; an outbox that keeps bodies longer loses nothing.
            LOG.warn("the journal retention pass failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
