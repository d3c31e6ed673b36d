package fr.duiconnect.core.internal;

import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.operation.OperationListener;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.operation.OperationTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Answers status queries from the journal. Waiting re-reads the journal when this process's dispatcher settles
 * something (wake-up) and at least every 100 ms, since another process may be the one delivering. Listeners get the
 * status read when a change is recorded, handed to one notification thread so that delivery never waits for them.
 */
final class JournalTracker implements OperationTracker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalTracker.class);

    private static final long MAX_PAUSE_MILLIS = 100;

    private final OutboxJournal journal;
    private final Clock clock;
    private final Object settled = new Object();
    private final List<OperationListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dui-operation-listeners");
        thread.setDaemon(true);
        return thread;
    });

    JournalTracker(OutboxJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    void wakeUp() {
        synchronized (settled) {
            settled.notifyAll();
        }
    }

    /** A change was recorded for the operation: wakes waiters and tells the listeners, if any. */
    void changed(UUID operationId) {
        wakeUp();
        if (listeners.isEmpty()) {
            return;
        }
        OperationStatus status = status(operationId);
        notifier.execute(() -> listeners.forEach(listener -> {
            try {
                listener.onChange(status);
            } catch (RuntimeException e) {
                LOG.warn("an operation listener failed on {}: {}", status.operationId(), e.toString());
            }
        }));
    }

    @Override
    public Subscription subscribe(OperationListener listener) {
        OperationListener registered = java.util.Objects.requireNonNull(listener, "listener");
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }

    @Override
    public void close() {
        listeners.clear();
        notifier.shutdown();
    }

    @Override
    public OperationStatus status(UUID operationId) {
        return journal.status(operationId).orElseThrow(() -> OutboxJournal.unknown(operationId));
    }

    @Override
    public OperationStatus await(UUID operationId, Duration timeout) {
        return waitFor(operationId, timeout, status -> status.state().isSettled());
    }

    @Override
    public OperationStatus awaitFinal(UUID operationId, Duration timeout) {
        return waitFor(operationId, timeout, status -> status.state().isFinal());
    }

    private OperationStatus waitFor(UUID operationId, Duration timeout, Predicate<OperationStatus> done) {
        // Wall-clock deadline: the injected clock may be fixed in tests.
        long deadline = System.nanoTime() + timeout.toNanos();
        OperationStatus status = status(operationId);
        while (!done.test(status)) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return status;
            }
            synchronized (settled) {
                try {
                    settled.wait(Math.min(MAX_PAUSE_MILLIS, remainingMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return status;
                }
            }
            status = status(operationId);
        }
        return status;
    }

    @Override
    public boolean cancel(UUID operationId, String reason) {
        status(operationId);
        boolean cancelled = journal.cancel(operationId, reason, clock.instant());
        if (cancelled) {
            changed(operationId);
        }
        return cancelled;
    }

    @Override
    public List<OperationStatus> list(OperationState state, int limit) {
        return journal.list(state, limit);
    }
}
