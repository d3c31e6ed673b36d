package fr.duiconnect.core.internal;

import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.audit.AuditSink;
import fr.duiconnect.core.config.RetryPolicy;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.internal.camel.DeliveryRoutes;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.JournaledOperation;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ExecutionException;

/**
 * Claims due operations and delivers them through the modules' delivery routes, then records the outcome:
 * delivered, rescheduled with exponential backoff and jitter (retryable failures while attempts remain),
 * or FAILED with the reason. Every outcome is audited.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxJournal journal;
    private final ProducerTemplate producer;
    private final Set<String> kinds;
    private final String node;
    private final int batchSize;
    private final Duration lease;
    private final RetryPolicy retry;
    private final AuditSink audit;
    private final MetricsRegistry metrics;
    private final String software;
    private final Clock clock;
    private final ExecutorService workers;
    private final Runnable onSettled;
    private final Consumer<UUID> onChanged;

    OutboxDispatcher(OutboxJournal journal, ProducerTemplate producer, Set<String> kinds, String node, int batchSize,
                     Duration lease, RetryPolicy retry, AuditSink audit, MetricsRegistry metrics, String software,
                     Clock clock, ExecutorService workers, Runnable onSettled, Consumer<UUID> onChanged) {
        this.journal = journal;
        this.producer = producer;
        this.kinds = Set.copyOf(kinds);
        this.node = node;
        this.batchSize = batchSize;
        this.lease = lease;
        this.retry = retry;
        this.audit = audit;
        this.metrics = metrics;
        this.software = software;
        this.clock = clock;
        this.workers = workers;
        this.onSettled = onSettled;
        this.onChanged = onChanged;
    }

    /** Delivers due operations until none is left; called by the dispatch route's timer. */
    public void drain() throws InterruptedException {
        while (true) {
            List<JournaledOperation> claimed = journal.claimDue(node, kinds, batchSize, clock.instant(), lease);
            if (claimed.isEmpty()) {
                return;
            }
            List<Future<?>> running = new ArrayList<>(claimed.size());
            for (JournaledOperation operation : claimed) {
                running.add(workers.submit(() -> deliver(operation)));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    LOG.warn("delivery worker failed unexpectedly", e.getCause());
                }
            }
            onSettled.run();
            if (claimed.size() < batchSize) {
                return;
            }
        }
    }

    void deliver(JournaledOperation operation) {
        DeliveryOutcome outcome;
        try {
            outcome = producer.requestBody(DeliveryRoutes.endpointOf(operation.kind()), operation, DeliveryOutcome.class);
            if (outcome == null) {
                throw new IllegalStateException("the delivery route of " + operation.kind() + " returned no outcome");
            }
        } catch (RuntimeException e) {
            failed(operation, ErrorClassifier.classify(e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e));
            return;
        }
        if (journal.markDelivered(operation.operationId(), node, outcome, clock.instant())) {
            metrics.delivered(operation.kind(), Duration.between(operation.createdAt(), clock.instant()));
            if (outcome.state() == OperationState.ACKED) {
                metrics.acknowledged(operation.kind());
            }
            audit(operation, AuditOutcome.SUCCESS, outcome.state() + (outcome.remoteReference() == null ? "" : " " + outcome.remoteReference()));
            onChanged.accept(operation.operationId());
        } else {
            // Our lease ran out and another dispatcher took the operation over; it will record the outcome.
            LOG.warn("operation {} was delivered after its claim expired", operation.operationId());
        }
    }

    private void failed(JournaledOperation operation, DuiConnectException error) {
        boolean retry = error.retryable() && operation.attempt() < this.retry.maxAttempts();
        Duration delay = retry ? this.retry.delayAfter(operation.attempt(), ThreadLocalRandom.current()) : Duration.ZERO;
        OperationState state = journal.markAttemptFailed(operation.operationId(), node, error, retry, delay, clock.instant());
        if (state == OperationState.PENDING) {
            metrics.retried(operation.kind());
            LOG.info("operation {} ({}) attempt {} failed with {}, retrying in {} ms", operation.operationId(),
                    operation.kind(), operation.attempt(), error.code(), delay.toMillis());
        } else {
            metrics.failed(operation.kind());
            LOG.warn("operation {} ({}) failed after {} attempt(s): {}", operation.operationId(), operation.kind(),
                    operation.attempt(), error.code());
            LOG.debug("operation {} failure detail: {}", operation.operationId(), error.getMessage());
            audit(operation, AuditOutcome.FAILURE, error.code() + ": " + error.getMessage());
        }
        onChanged.accept(operation.operationId());
    }

    private void audit(JournaledOperation operation, AuditOutcome outcome, String detail) {
        audit.record(new AuditEvent(clock.instant(), operation.finess(), operation.actor(), software, operation.kind(),
                operation.person(), operation.operationId(), outcome, detail));
    }
}
