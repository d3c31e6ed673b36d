package fr.duiconnect.core.internal;

import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.audit.AuditSink;
import fr.duiconnect.core.config.RetryPolicy;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.JournaledOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Delivers journaled operations as soon as they can go, and records each outcome: delivered, rescheduled with
 * exponential backoff and jitter (retryable failures while attempts remain), or FAILED with the reason; every
 * outcome is audited, its journal row in the transaction that records the outcome.
 *
 * <p>Continuous, not batched: each journal kind has a number of worker slots, and one pump thread claims ONE
 * operation whenever a slot is free and the kind may have due work. The kind is marked so by signals — an accept in
 * this process ({@link #signal}), a delivery that ended (its slot is free), another process's accept heard through
 * PostgreSQL, the earliest retry or lease end coming due — and by a slow safety poll. A claim that finds nothing
 * leaves the kind idle until the next signal, so an idle connector does not query the journal. One slow delivery
 * holds only its own slot.
 *
 * <p>Fair: within a kind, claims go round-robin over the structures with due work (the claim asks for the next
 * structure after the last one served), and a structure holds at most {@code perStructureConcurrency} slots.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** A due time already past (or a claim lost to a race) is looked at again after this pause, never in a spin. */
    private static final long MIN_PAUSE_MILLIS = 20;

    /** Hands an operation to its kind's delivery and returns the outcome (the connector's delivery routes). */
    @FunctionalInterface
    interface Delivery {
        DeliveryOutcome deliver(JournaledOperation operation) throws Exception;
    }

    /** One kind's slots and signals; guarded by the dispatcher's monitor. */
    private static final class Lane {
        final String kind;
        final int slots;
        final Map<String, Integer> byStructure = new HashMap<>();
        int running;
        /** May have due work: claim while a slot is free. */
        boolean hungry = true;
        /** Bumped by every signal, so that a claim that found nothing does not hide a signal that came meanwhile. */
        long signals;
        /** The structure served last: the round-robin's cursor. */
        String lastStructure;

        Lane(String kind, int slots) {
            this.kind = kind;
            this.slots = slots;
        }

        Set<String> saturated(int perStructure) {
            Set<String> full = new HashSet<>();
            byStructure.forEach((structure, count) -> {
                if (count >= perStructure) {
                    full.add(structure);
                }
            });
            return full;
        }
    }

    private final DispatchSettings settings;
    private final OutboxJournal journal;
    private final Delivery delivery;
    /** The application's audit sinks: the journal's audit row commits with the outcome, these get it afterwards. */
    private final AuditSink audit;
    private final MetricsRegistry metrics;
    private final BiConsumer<UUID, OperationState> onChanged;
    private final List<Lane> lanes;
    private final Map<String, Lane> byKind = new HashMap<>();
    private final ThreadPoolExecutor workers;
    private final Thread pump;
    /** The operations this process is delivering now. */
    private final Set<UUID> delivering = ConcurrentHashMap.newKeySet();

    // Guarded by this.
    private boolean closed;
    private int nextLane;
    private long safetyPollAt;
    private long dueAt = Long.MAX_VALUE;

    OutboxDispatcher(DispatchSettings settings, OutboxJournal journal, Delivery delivery, AuditSink audit,
                     MetricsRegistry metrics, BiConsumer<UUID, OperationState> onChanged) {
        this.settings = settings;
        this.journal = journal;
        this.delivery = delivery;
        this.audit = audit;
        this.metrics = metrics;
        this.onChanged = onChanged;
        this.lanes = new TreeMap<>(settings.concurrency()).entrySet().stream()
                .map(entry -> new Lane(entry.getKey(), entry.getValue())).toList();
        lanes.forEach(lane -> byKind.put(lane.kind, lane));
        AtomicInteger threads = new AtomicInteger();
        // Threads come and go with the work; the slots, not the pool, bound how many run.
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "dui-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.pump = new Thread(this::pump, "dui-dispatch");
        this.pump.setDaemon(true);
    }

    /** Starts claiming: every kind is looked at once (work left by an earlier run), then on signals. */
    void start() {
        synchronized (this) {
            safetyPollAt = System.nanoTime() + settings.safetyPoll().toNanos();
        }
        pump.start();
    }

    /** An operation of this kind was accepted (here or, on PostgreSQL, in another process): claim it if a slot is free. */
    public synchronized void signal(String kind) {
        Lane lane = byKind.get(kind);
        if (lane != null) {
            wake(lane);
        }
    }

    /** Look at every kind again (notifications may have been missed). */
    public synchronized void signalAll() {
        lanes.forEach(this::wake);
    }

    /** Every kind has looked at the journal since its last signal, found nothing to claim and runs nothing. */
    synchronized boolean idle() {
        return lanes.stream().noneMatch(lane -> lane.hungry || lane.running > 0);
    }

    private void wake(Lane lane) {
        lane.hungry = true;
        lane.signals++;
        notifyAll();
    }

    private void pump() {
        while (true) {
            Lane lane;
            long seen;
            String after;
            Set<String> saturated;
            synchronized (this) {
                lane = awaitReadyLane();
                if (lane == null) {
                    return;
                }
                seen = lane.signals;
                after = lane.lastStructure;
                saturated = lane.saturated(settings.perStructureConcurrency());
            }
            try {
                Optional<JournaledOperation> claimed = journal.claimNext(settings.node(), lane.kind, after, saturated,
                        settings.clock().instant(), settings.lease());
                if (claimed.isPresent()) {
                    start(lane, claimed.get());
                } else {
                    idle(lane, seen, journal.nextDueAt(lane.kind, saturated));
                }
            } catch (RuntimeException e) {
                // The journal is unreachable: the safety poll tries again, no spin meanwhile.
                LOG.warn("the dispatcher could not claim {} operations: {}", lane.kind, e.getMessage());
                idle(lane, seen, Optional.empty());
            }
        }
    }

    /** The next kind, round-robin, that has a free slot and may have due work; waits for one. Null once closed. */
    private Lane awaitReadyLane() {
        while (!closed) {
            for (int i = 0; i < lanes.size(); i++) {
                Lane lane = lanes.get((nextLane + i) % lanes.size());
                if (lane.hungry && lane.running < lane.slots) {
                    nextLane = (nextLane + i + 1) % lanes.size();
                    return lane;
                }
            }
            long now = System.nanoTime();
            long wakeAt = Math.min(safetyPollAt, dueAt);
            if (now - wakeAt >= 0) {
                dueAt = Long.MAX_VALUE;
                safetyPollAt = now + settings.safetyPoll().toNanos();
                lanes.forEach(this::wake);
                continue;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, wakeAt - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Nothing claimable: the kind waits for a signal, or for its next retry or lease end if that comes first. */
    private synchronized void idle(Lane lane, long seen, Optional<Instant> nextDue) {
        if (lane.signals == seen) {
            lane.hungry = false;
        }
        nextDue.ifPresent(due -> {
            long pause = Math.max(MIN_PAUSE_MILLIS, Duration.between(settings.clock().instant(), due).toMillis());
            long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
            if (at - dueAt < 0) {
                dueAt = at;
            }
        });
    }

    private void start(Lane lane, JournaledOperation operation) {
        if (!delivering.add(operation.operationId())) {
            // Our own delivery of it outlived its lease and the claim came back to us: the claim renewed the lease,
            // and the delivery under way records the outcome. Never a second send from one process.
            LOG.info("operation {} is still being delivered after its lease; lease renewed", operation.operationId());
            return;
        }
        String structure = OutboxJournal.structureOf(operation);
        synchronized (this) {
            lane.running++;
            lane.byStructure.merge(structure, 1, Integer::sum);
            lane.lastStructure = structure;
        }
        try {
            workers.execute(() -> {
                try {
                    deliver(operation);
                } finally {
                    delivering.remove(operation.operationId());
                    finished(lane, structure);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing: the claim expires and whoever claims next resumes the operation.
            delivering.remove(operation.operationId());
            finished(lane, structure);
        }
    }

    private synchronized void finished(Lane lane, String structure) {
        lane.running--;
        lane.byStructure.computeIfPresent(structure, (key, count) -> count > 1 ? count - 1 : null);
        wake(lane);
    }

    void deliver(JournaledOperation operation) {
        DeliveryOutcome outcome;
        try {
            outcome = delivery.deliver(operation);
            if (outcome == null) {
                throw new IllegalStateException("the delivery of " + operation.kind() + " returned no outcome");
            }
        } catch (Exception e) {
            failed(operation, ErrorClassifier.classify(e));
            return;
        }
        Instant now = settings.clock().instant();
        AuditEvent success = auditEvent(operation, AuditOutcome.SUCCESS,
                outcome.state() + (outcome.remoteReference() == null ? "" : " " + outcome.remoteReference()));
        if (journal.markDelivered(operation.operationId(), settings.node(), outcome, now, success)) {
            metrics.delivered(operation.kind(), Duration.between(operation.createdAt(), now));
            if (outcome.state() == OperationState.ACKED) {
                metrics.acknowledged(operation.kind());
            }
            audit.record(success);
            onChanged.accept(operation.operationId(), outcome.state());
        } else {
            // Our lease ran out and another dispatcher took the operation over; it will record the outcome.
            LOG.warn("operation {} was delivered after its claim expired", operation.operationId());
        }
    }

    private void failed(JournaledOperation operation, DuiConnectException error) {
        boolean reached = ErrorClassifier.mayHaveReachedThePeer(error);
        boolean mayBeHeld = reached || journal.outcomeUnknown(operation.operationId());
        boolean unknown = mayBeHeld && saysNothingOfThePeer(error);
        RetryPolicy policy = settings.retry();
        Instant now = settings.clock().instant();
        boolean attemptsLeft = operation.attempt() < policy.maxAttempts();
        boolean retry = (error.retryable() || unknown) && attemptsLeft
                || unknown && policy.withinUnknownOutcomeWindow(operation.createdAt(), now);
        Duration delay = retry ? policy.delayAfter(operation.attempt(), ThreadLocalRandom.current()) : Duration.ZERO;
        DuiConnectException recorded = !retry && mayBeHeld ? mayHaveReachedTheService(error, unknown, policy) : error;
        AuditEvent failure = auditEvent(operation, AuditOutcome.FAILURE, recorded.code() + ": " + recorded.getMessage());
        OperationState state = journal.markAttemptFailed(operation.operationId(), settings.node(), recorded, retry, delay,
                now, failure, reached);
        if (state == OperationState.PENDING) {
            metrics.retried(operation.kind());
            LOG.info("operation {} ({}) attempt {} failed with {}, retrying in {} ms", operation.operationId(),
                    operation.kind(), operation.attempt(), error.code(), delay.toMillis());
        } else {
            metrics.failed(operation.kind());
            LOG.warn("operation {} ({}) failed after {} attempt(s): {}", operation.operationId(), operation.kind(),
                    operation.attempt(), error.code());
            LOG.debug("operation {} failure detail: {}", operation.operationId(), error.getMessage());
            audit.record(failure);
        }
        onChanged.accept(operation.operationId(), state);
    }

    /**
     * The failure that ends an operation the service may nevertheless hold, said so in its message (which the status
     * and the audit show): a refusal of a later attempt says nothing of an earlier one (an SMTP 550 on a resend does
     * not take back the copy a killed process had sent), and a window's end does not tell the outcome either.
     */
    private static DuiConnectException mayHaveReachedTheService(DuiConnectException error, boolean unknown, RetryPolicy policy) {
        String why = unknown
                ? "its outcome is still unknown " + policy.unknownOutcomeWindow() + " after acceptance"
                : "this refusal concerns a later attempt only";
        return new DuiConnectException(error.errorCode(), error.field().orElse(null), error.detail() + " ("
                + OperationStatus.EARLIER_ATTEMPT_MAY_HAVE_REACHED + " before: " + why + "; check with the service before sending it again)", error);
    }

    /**
     * A failure without the peer's word on the operation: no connection, TLS, a timeout, a server error. When an
     * attempt may have reached the peer unheard (its answer timed out or was cut, or its process died with the claim),
     * the peer may hold the operation, and such a failure does not settle it FAILED — not even a TLS failure, final on
     * a clean history — while the retry policy's unknown-outcome window is open, however many attempts that takes: a
     * later attempt's read-back (DMP ITI-18 after a duplicate uniqueId, e-parcours search by note identifier) finds
     * it, or the send goes out. The peer's own refusal still ends it FAILED at once.
     */
    private static boolean saysNothingOfThePeer(DuiConnectException error) {
        return error instanceof TransportException || error.retryable();
    }

    private AuditEvent auditEvent(JournaledOperation operation, AuditOutcome outcome, String detail) {
        return new AuditEvent(settings.clock().instant(), operation.finess(), operation.actor(), settings.software(),
                operation.kind(), operation.person(), operation.operationId(), outcome, detail);
    }

    /** Stops claiming, and lets the deliveries under way finish (their claims expire if they do not in time). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            pump.join(TimeUnit.SECONDS.toMillis(5));
            workers.shutdown();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
