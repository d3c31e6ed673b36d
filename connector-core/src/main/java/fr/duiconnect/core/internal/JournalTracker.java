package fr.duiconnect.core.internal;

import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.operation.OperationTracker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Answers status queries from the journal. Waiting re-reads the journal when this process's dispatcher settles
 * something (wake-up) and at least every 100 ms, since another process may be the one delivering.
 */
final class JournalTracker implements OperationTracker {

    private static final long MAX_PAUSE_MILLIS = 100;

    private final OutboxJournal journal;
    private final Clock clock;
    private final Object settled = new Object();

    JournalTracker(OutboxJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    void wakeUp() {
        synchronized (settled) {
            settled.notifyAll();
        }
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
            wakeUp();
        }
        return cancelled;
    }

    @Override
    public List<OperationStatus> list(OperationState state, int limit) {
        return journal.list(state, limit);
    }
}
