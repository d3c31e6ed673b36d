package fr.duiconnect.core.internal;

import fr.duiconnect.core.config.RetryPolicy;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.core.internal.journal.JournalDatabase;
import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.core.spi.OutboundRequest;
import fr.duiconnect.core.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher delivers continuously: signals start deliveries (the safety poll is an hour here, so nothing in
 * these tests waits for it), a freed slot claims the next operation, slots bound each kind, and capacity is shared
 * round-robin among structures.
 */
class OutboxDispatcherTest {

    private static final String KIND = "test.dispatch";
    private static final String STRUCTURE_A = "750000010";
    private static final String STRUCTURE_B = "750000028";
    private static final Duration NO_POLL = Duration.ofHours(1);
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dir;

    private JournalDatabase database;
    private OutboxJournal journal;
    private OutboxDispatcher dispatcher;

    /** What the fake remote service saw: the idempotency keys in the order deliveries started. */
    private final List<String> started = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    /** Deliveries whose payload is "block" wait for a permit here. */
    private final Semaphore gate = new Semaphore(0);
    private final Map<UUID, CountDownLatch> settled = new ConcurrentHashMap<>();
    private final Map<UUID, OperationState> outcomes = new ConcurrentHashMap<>();

    static List<TestDatabases.Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @AfterEach
    void stop() {
        gate.release(10_000);
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private void open(TestDatabases.Kind kind) {
        database = JournalDatabase.open(TestDatabases.journal(kind, dir).withPolling(NO_POLL, 1, Duration.ofSeconds(30)));
        journal = new OutboxJournal(database);
    }

    private void startDispatcher(int concurrency, int perStructure, RetryPolicy retry) {
        startDispatcher(concurrency, perStructure, retry, Duration.ofSeconds(30));
    }

    private void startDispatcher(int concurrency, int perStructure, RetryPolicy retry, Duration lease) {
        DispatchSettings settings = new DispatchSettings("node-test", Map.of(KIND, concurrency), perStructure,
                lease, NO_POLL, retry, "DUI test 1.0", Clock.systemUTC());
        dispatcher = new OutboxDispatcher(settings, journal, this::deliver, event -> { }, new MetricsRegistry(new SimpleMeterRegistry()),
                (id, state) -> {
                    if (state != OperationState.PENDING) {
                        outcomes.put(id, state);
                        latch(id).countDown();
                    }
                });
        dispatcher.start();
    }

    private DeliveryOutcome deliver(JournaledOperation operation) throws Exception {
        started.add(operation.idempotencyKey());
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            String script = new String(operation.payload(), StandardCharsets.UTF_8);
            if (script.equals("block") && !gate.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
            if (script.equals("fail-once") && operation.attempt() == 1) {
                throw new TransportException(CoreErrorCode.TRANSPORT, "connection refused", new ConnectException("refused"));
            }
            if (script.equals("timeout-then-tls") && operation.attempt() <= 2) {
                throw operation.attempt() == 1 ? answerTimedOut()
                        : new TransportException(CoreErrorCode.TLS, "TLS failed", new SSLHandshakeException("handshake_failure"));
            }
            if (script.equals("timeout-then-refused") || script.equals("refused")) {
                if (script.startsWith("timeout") && operation.attempt() == 1) {
                    throw answerTimedOut();
                }
                throw new fr.duiconnect.core.error.RemoteServiceException(CoreErrorCode.REMOTE_REFUSED, null, "550 refused by policy", null);
            }
            if (script.equals("timeout-always")) {
                throw answerTimedOut();
            }
            return DeliveryOutcome.acked("remote-" + operation.idempotencyKey());
        } finally {
            running.decrementAndGet();
        }
    }

    /** The request went out; its answer did not come in time: the peer may have acted on it. */
    private static TransportException answerTimedOut() {
        return new TransportException(CoreErrorCode.TIMEOUT, "no answer within the timeout", new SocketTimeoutException("Read timed out"));
    }

    private UUID accept(String key, String structure, String script) {
        UUID id = journal.accept(new OutboundRequest(KIND, key, structure, "810000000001", null, "text/plain",
                script.getBytes(StandardCharsets.UTF_8), Map.of()), Instant.now()).operationId();
        latch(id);
        return id;
    }

    /** As the connector's outbox does: journal, then signal. */
    private UUID submit(String key, String structure, String script) {
        UUID id = accept(key, structure, script);
        dispatcher.signal(KIND);
        return id;
    }

    private CountDownLatch latch(UUID id) {
        return settled.computeIfAbsent(id, key -> new CountDownLatch(1));
    }

    private boolean awaitSettled(UUID id) throws InterruptedException {
        return latch(id).await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void awaitStarted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (started.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(started).as("deliveries started").hasSizeGreaterThanOrEqualTo(count);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAcceptedOperationIsDeliveredOnItsSignalNotOnATimer(TestDatabases.Kind kind) throws Exception {
        open(kind);
        startDispatcher(4, Integer.MAX_VALUE, RetryPolicy.DEFAULT);
        awaitIdle();
        UUID silent = accept("journaled-without-signal", STRUCTURE_A, "ok");
        Thread.sleep(300);
        assertThat(started).as("no timer claims it").isEmpty();

        UUID signalled = submit("signalled", STRUCTURE_A, "ok");

        assertThat(awaitSettled(signalled)).isTrue();
        assertThat(awaitSettled(silent)).as("the signal's claim also finds the earlier one").isTrue();
        assertThat(outcomes.get(signalled)).isEqualTo(OperationState.ACKED);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theConcurrencyOfAKindIsNeverExceeded(TestDatabases.Kind kind) throws Exception {
        open(kind);
        startDispatcher(3, Integer.MAX_VALUE, RetryPolicy.DEFAULT);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(submit("capped-" + i, STRUCTURE_A, "block"));
        }
        awaitStarted(3);
        Thread.sleep(200);
        assertThat(started).as("only three slots").hasSize(3);

        gate.release(12);
        for (UUID id : ids) {
            assertThat(awaitSettled(id)).isTrue();
        }
        assertThat(mostAtOnce.get()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFreedSlotClaimsTheNextOperationWithoutAnyNewSignal(TestDatabases.Kind kind) throws Exception {
        open(kind);
        startDispatcher(1, Integer.MAX_VALUE, RetryPolicy.DEFAULT);
        UUID first = submit("first", STRUCTURE_A, "block");
        awaitStarted(1);
        UUID second = accept("second", STRUCTURE_A, "ok");   // journaled by another process: no signal here

        gate.release();

        assertThat(awaitSettled(first)).isTrue();
        assertThat(awaitSettled(second)).isTrue();
        assertThat(started).containsExactly("first", "second");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneSlowDeliveryDoesNotHoldTheOthers(TestDatabases.Kind kind) throws Exception {
        open(kind);
        startDispatcher(4, Integer.MAX_VALUE, RetryPolicy.DEFAULT);
        UUID slow = submit("slow", STRUCTURE_A, "block");
        awaitStarted(1);
        List<UUID> quick = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            quick.add(submit("quick-" + i, STRUCTURE_A, "ok"));
        }
        for (UUID id : quick) {
            assertThat(awaitSettled(id)).isTrue();
        }
        assertThat(latch(slow).getCount()).as("the slow one is still under way").isEqualTo(1);
        gate.release();
        assertThat(awaitSettled(slow)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRetryComingDueWakesTheDispatcherWithoutAPoll(TestDatabases.Kind kind) throws Exception {
        UUID id = settledUnder(kind, new RetryPolicy(3, Duration.ofMillis(300), Duration.ofMillis(300), 1.0, 0.0), "flaky", "fail-once");

        assertThat(outcomes.get(id)).isEqualTo(OperationState.ACKED);
        assertThat(journal.status(id).orElseThrow().attempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStructuresSingleOperationGoesBeforeAnotherStructuresBacklogDrains(TestDatabases.Kind kind) throws Exception {
        open(kind);
        int backlog = 2_000;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(16_21));   // seeded: the backlog is not in key order
        for (int i : order) {
            accept("a-" + i, STRUCTURE_A, "ok");
        }
        int concurrency = 4;
        startDispatcher(concurrency, Integer.MAX_VALUE, RetryPolicy.DEFAULT);
        awaitStarted(50);
        int startedBeforeB;
        UUID urgent;
        synchronized (started) {
            startedBeforeB = started.size();
            urgent = submit("b-urgent", STRUCTURE_B, "ok");
        }
        assertThat(awaitSettled(urgent)).isTrue();

        int positionOfB = started.indexOf("b-urgent");
        assertThat(startedBeforeB).as("A's backlog was being drained").isLessThan(backlog);
        // At most the deliveries already claimed when B arrived go first: B takes the next free slot.
        assertThat(positionOfB - startedBeforeB).isLessThanOrEqualTo(concurrency + 1);
        assertThat(positionOfB).isLessThan(backlog / 2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStructureHoldsNoMoreSlotsThanItsLimit(TestDatabases.Kind kind) throws Exception {
        open(kind);
        for (int i = 0; i < 6; i++) {
            accept("a-" + i, STRUCTURE_A, "block");
        }
        startDispatcher(4, 2, RetryPolicy.DEFAULT);
        awaitStarted(2);
        UUID other = submit("b-1", STRUCTURE_B, "ok");

        assertThat(awaitSettled(other)).as("B gets a slot while A's deliveries block").isTrue();
        assertThat(started).filteredOn(key -> key.startsWith("a-")).hasSize(2);
        gate.release(6);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeliveryThatOutlivesItsLeaseIsNotStartedASecondTimeByItsOwnProcess(TestDatabases.Kind kind) throws Exception {
        open(kind);
        startDispatcher(4, Integer.MAX_VALUE, RetryPolicy.DEFAULT, Duration.ofMillis(300));
        UUID slow = submit("outlives-its-lease", STRUCTURE_A, "block");
        awaitStarted(1);
        Thread.sleep(1_000);            // the lease has run out; the lease-end wake-up and these signals claim it again
        dispatcher.signal(KIND);
        Thread.sleep(300);
        dispatcher.signal(KIND);
        Thread.sleep(300);

        gate.release();

        assertThat(awaitSettled(slow)).isTrue();
        assertThat(outcomes.get(slow)).isEqualTo(OperationState.ACKED);
        assertThat(started).containsExactly("outlives-its-lease");
    }

    /**
     * Issue #19: the first attempt's answer timed out (the platform may hold the note); the second attempt's TLS failure,
     * final on a clean history, says nothing of what the peer holds, so the operation is not FAILED but tried again.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aTlsFailureAfterAnAttemptWhoseAnswerTimedOutDoesNotFailTheOperation(TestDatabases.Kind kind) throws Exception {
        UUID id = settledUnder(kind, new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(20), 1.0, 0.0), "answer-lost", "timeout-then-tls");

        assertThat(outcomes.get(id)).isEqualTo(OperationState.ACKED);
        assertThat(journal.status(id).orElseThrow().attempts()).isEqualTo(3);
    }

    /**
     * Issue #19: while the outcome is unknown, retries go on past maxAttempts until the unknown-outcome window after
     * acceptance has passed, then FAILED with the reason (the peer may hold it: an attempt budget alone reported FAILED
     * for a DMP document the DMP held, after 30 attempts against a starved simulator).
     */
    @ParameterizedTest
    @MethodSource("databases")
    void anOperationWhoseOutcomeIsUnknownIsRetriedUntilItsWindowHasPassed(TestDatabases.Kind kind) throws Exception {
        Duration window = Duration.ofMillis(600);
        UUID id = settledUnder(kind, new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(20), 1.0, 0.0, window),
                "never-answered", "timeout-always");

        var status = journal.status(id).orElseThrow();
        assertThat(outcomes.get(id)).isEqualTo(OperationState.FAILED);
        assertThat(status.attempts()).isGreaterThan(2);
        assertThat(status.lastErrorCode()).isEqualTo("CORE-TIMEOUT");
        assertThat(Duration.between(status.createdAt(), status.updatedAt())).isGreaterThanOrEqualTo(window);
        assertThat(status.failedButMayHaveReachedTheService()).as(status.lastError()).isTrue();
    }

    /**
     * Issue #19: the service's refusal of a later attempt ends the operation FAILED, yet says nothing of the earlier
     * attempt whose answer was lost: the status says the service may hold it (a killed sender's SMTP copy, then a 550).
     * The same refusal on a clean history is plainly FAILED.
     */
    @ParameterizedTest
    @MethodSource("refusals")
    void aRefusalSaysTheServiceMayHoldTheOperationOnlyAfterAnAttemptThatMayHaveReachedIt(TestDatabases.Kind kind, String script,
                                                                                       int attempts, boolean mayBeHeld) throws Exception {
        UUID id = settledUnder(kind, new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(20), 1.0, 0.0, Duration.ofHours(1)),
                script, script);

        var status = journal.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(OperationState.FAILED);
        assertThat(status.attempts()).isEqualTo(attempts);
        assertThat(status.failedButMayHaveReachedTheService()).as(status.lastError()).isEqualTo(mayBeHeld);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> refusals() {
        return databases().stream().flatMap(kind -> java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(kind, "timeout-then-refused", 2, true),
                org.junit.jupiter.params.provider.Arguments.of(kind, "refused", 1, false)));
    }

    /** One operation of {@code script} through a dispatcher retrying by {@code retry}, awaited until it settled. */
    private UUID settledUnder(TestDatabases.Kind kind, RetryPolicy retry, String key, String script) throws InterruptedException {
        open(kind);
        startDispatcher(2, Integer.MAX_VALUE, retry);
        UUID id = submit(key, STRUCTURE_A, script);
        assertThat(awaitSettled(id)).isTrue();
        return id;
    }

    /** Waits until the dispatcher looked at the empty journal once, so that later claims come from signals. */
    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!dispatcher.idle() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(dispatcher.idle()).as("the dispatcher's first look at the journal is done").isTrue();
    }
}
