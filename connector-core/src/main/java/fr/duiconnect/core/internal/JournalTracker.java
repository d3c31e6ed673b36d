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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Answers status queries from the journal. A waiter is woken for its own operation: when this connector records a
 * change of it, or, on PostgreSQL, when another process announces one ({@link #wake}); it then re-reads the status.
 * The slow re-read at the journal's safety-poll interval only covers what nothing announces (another connector on
 * the same H2 file in this JVM). Listeners get the status read when a change is recorded, handed to one
 * notification thread so that delivery never waits for them.
 */
final class JournalTracker implements OperationTracker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalTracker.class);

    private final OutboxJournal journal;
    private final Clock clock;
    private final Duration safetyPoll;
    /** The waiters of each operation; each waiter's semaphore gets a permit when the operation may have changed. */
    private final Map<UUID, List<Semaphore>> waiters = new HashMap<>();
    private final List<OperationListener> listeners = new CopyOnWriteArrayList<>();
    /** Operations being committed by this process, with the changes recorded before their acceptance was announced. */
    private final Map<UUID, List<OperationStatus>> heldUntilAccepted = new HashMap<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dui-operation-listeners");
        thread.setDaemon(true);
        return thread;
    });

    JournalTracker(OutboxJournal journal, Clock clock, Duration safetyPoll) {
        this.journal = journal;
        this.clock = clock;
        this.safetyPoll = safetyPoll;
    }

    /** The operation may have changed (recorded here, or announced by another process): its waiters look again. */
    void wake(UUID operationId) {
        synchronized (waiters) {
            waiters.getOrDefault(operationId, List.of()).forEach(Semaphore::release);
        }
    }

    /** Announcements may have been missed: every waiter looks again. */
    void wakeAll() {
        synchronized (waiters) {
            waiters.values().forEach(list -> list.forEach(Semaphore::release));
        }
    }

    /**
     * An operation with this id is about to be committed by this process. Its acceptance is announced to listeners
     * only once the commit has returned, yet a delivery thread may already have claimed and delivered it (the
     * commit itself wakes the dispatcher): its later changes are held here until {@link #accepted} announces the
     * acceptance, so that a listener always hears PENDING before what followed.
     */
    void accepting(UUID operationId) {
        synchronized (heldUntilAccepted) {
            heldUntilAccepted.put(operationId, new ArrayList<>());
        }
    }

    /** The operation was committed as new: its acceptance, then any change held meanwhile, go to the listeners. */
    void accepted(UUID operationId) {
        wake(operationId);
        OperationStatus acceptance = listeners.isEmpty() ? null : recordedAs(operationId, OperationState.PENDING);
        synchronized (heldUntilAccepted) {
            List<OperationStatus> held = heldUntilAccepted.remove(operationId);
            if (acceptance != null) {
                publish(acceptance);
            }
            if (held != null) {
                held.forEach(this::publish);
            }
        }
    }

    /** No new operation was committed under this id (an earlier one had the key, or the commit failed). */
    void notAccepted(UUID operationId) {
        synchronized (heldUntilAccepted) {
            heldUntilAccepted.remove(operationId);
        }
    }

    /**
     * A change was recorded for the operation: wakes waiters and tells the listeners, if any, the state that was
     * recorded — not the one read now, which a quick acknowledgement (a DSN right after the SMTP 250) may already
     * have moved on, so that listeners see every state the operation went through.
     */
    void changed(UUID operationId, OperationState recorded) {
        wake(operationId);
        if (listeners.isEmpty()) {
            return;
        }
        OperationStatus status = recordedAs(operationId, recorded);
        synchronized (heldUntilAccepted) {
            List<OperationStatus> held = heldUntilAccepted.get(operationId);
            if (held != null) {
                held.add(status);
            } else {
                publish(status);
            }
        }
    }

    private OperationStatus recordedAs(UUID operationId, OperationState recorded) {
        OperationStatus now = status(operationId);
        return now.state() == recorded ? now : new OperationStatus(now.operationId(), now.kind(), recorded,
                now.attempts(), now.createdAt(), now.updatedAt(), now.nextAttemptAt(), now.remoteReference(),
                now.lastErrorCode(), now.lastError());
    }

    private void publish(OperationStatus status) {
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
        Semaphore changes = new Semaphore(0);
        synchronized (waiters) {
            waiters.computeIfAbsent(operationId, id -> new ArrayList<>()).add(changes);
        }
        try {
            // Registered before the first read: a change recorded after the read leaves a permit behind.
            OperationStatus status = status(operationId);
            while (!done.test(status)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return status;
                }
                try {
                    changes.tryAcquire(Math.min(safetyPoll.toNanos(), remaining), TimeUnit.NANOSECONDS);
                    changes.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return status;
                }
                status = status(operationId);
            }
            return status;
        } finally {
            synchronized (waiters) {
                List<Semaphore> list = waiters.get(operationId);
                list.remove(changes);
                if (list.isEmpty()) {
                    waiters.remove(operationId);
                }
            }
        }
    }

    @Override
    public boolean cancel(UUID operationId, String reason) {
        status(operationId);
        boolean cancelled = journal.cancel(operationId, reason, clock.instant());
        if (cancelled) {
            changed(operationId, OperationState.FAILED);
        }
        return cancelled;
    }

    @Override
    public List<OperationStatus> list(OperationState state, int limit) {
        return journal.list(state, limit);
    }
}
