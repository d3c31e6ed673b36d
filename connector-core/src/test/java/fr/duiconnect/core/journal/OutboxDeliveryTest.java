package fr.duiconnect.core.journal;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.config.RetryPolicy;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.testing.ScriptedClient;
import fr.duiconnect.core.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static fr.duiconnect.core.journal.JournalHarness.ledger;
import static fr.duiconnect.core.journal.JournalHarness.scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox contract, on H2 and on PostgreSQL: journaled before the call returns, delivered once, retried, failed. */
class OutboxDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    static List<TestDatabases.Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    private JournalConfig journal(TestDatabases.Kind kind) {
        return TestDatabases.journal(kind, dir);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAcceptedOperationIsDeliveredAndAcknowledged(TestDatabases.Kind kind) throws Exception {
        Path ledger = dir.resolve("ledger");
        try (DuiConnector connector = JournalHarness.connector(journal(kind), true, "node-a")) {
            OperationReceipt receipt = scripted(connector).accept(ScriptedClient.request("op-1", "ok", ledger));
            OperationStatus status = connector.operations().awaitFinal(receipt.operationId(), WAIT);

            assertThat(status.state()).isEqualTo(OperationState.ACKED);
            assertThat(status.attempts()).isEqualTo(1);
            assertThat(status.remoteReference()).isEqualTo("remote-op-1");
            assertThat(ledger(ledger)).containsExactly("op-1");
            assertThat(counted(() -> connector.metrics().of("test.scripted").acknowledged(), 1)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameIdempotencyKeyIsJournaledOnceAndDeliveredOnce(TestDatabases.Kind kind) throws Exception {
        Path ledger = dir.resolve("ledger");
        try (DuiConnector connector = JournalHarness.connector(journal(kind), true, "node-a")) {
            OperationReceipt first = scripted(connector).accept(ScriptedClient.request("same-key", "ok", ledger));
            connector.operations().awaitFinal(first.operationId(), WAIT);
            OperationReceipt second = scripted(connector).accept(ScriptedClient.request("same-key", "ok", ledger));

            assertThat(second.alreadyAccepted()).isTrue();
            assertThat(second.operationId()).isEqualTo(first.operationId());
            assertThat(ledger(ledger)).containsExactly("same-key");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOperationAcceptedBeforeAStopIsDeliveredAfterTheRestart(TestDatabases.Kind kind) throws Exception {
        Path ledger = dir.resolve("ledger");
        JournalConfig config = journal(kind);
        UUID id;
        try (DuiConnector acceptingOnly = JournalHarness.connector(config, false, "front")) {
            id = scripted(acceptingOnly).accept(ScriptedClient.request("durable", "ok", ledger)).operationId();
            assertThat(acceptingOnly.operations().status(id).state()).isEqualTo(OperationState.PENDING);
        }
        try (DuiConnector restarted = JournalHarness.connector(config, true, "back")) {
            assertThat(restarted.operations().awaitFinal(id, WAIT).state()).isEqualTo(OperationState.ACKED);
        }
        assertThat(ledger(ledger)).containsExactly("durable");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTransientFailureIsRetriedWithBackoffUntilDelivered(TestDatabases.Kind kind) throws Exception {
        Path ledger = dir.resolve("ledger");
        try (DuiConnector connector = JournalHarness.connector(journal(kind), true, "node-a")) {
            UUID id = scripted(connector).accept(ScriptedClient.request("flaky", "fail-transient:2", ledger)).operationId();
            OperationStatus status = connector.operations().awaitFinal(id, WAIT);

            assertThat(status.state()).isEqualTo(OperationState.ACKED);
            assertThat(status.attempts()).isEqualTo(3);
            assertThat(ledger(ledger)).containsExactly("flaky");
            assertThat(counted(() -> connector.metrics().of("test.scripted").retried(), 2)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theMetersGoToTheApplicationsMicrometerRegistry(TestDatabases.Kind kind) throws Exception {
        Path ledger = dir.resolve("ledger");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (DuiConnector connector = DuiConnector.builder().config(JournalHarness.config(journal(kind), JournalHarness.FAST_RETRY))
                .nodeName("node-a").meterRegistry(meters).build()) {
            UUID id = scripted(connector).accept(ScriptedClient.request("metered", "fail-transient:1", ledger)).operationId();
            connector.operations().awaitFinal(id, WAIT);

            assertThat(meters.get("dui.operations.accepted").tag("service", "test").tag("kind", "test.scripted").counter().count()).isEqualTo(1);
            assertThat(meters.get("dui.operations.retried").tag("kind", "test.scripted").counter().count()).isEqualTo(1);
            assertThat(meters.get("dui.operations.delivered").tag("kind", "test.scripted").counter().count()).isEqualTo(1);
            assertThat(meters.get("dui.delivery.latency").tag("kind", "test.scripted").timer().count()).isEqualTo(1);
            assertThat(meters.get("dui.journal.backlog").tag("state", "PENDING").gauge().value()).isZero();
            assertThat(counted(() -> connector.metrics().of("test.scripted").delivered(), 1)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRefusalIsNotRetriedAndFailsWithTheRemoteCode(TestDatabases.Kind kind) {
        try (DuiConnector connector = JournalHarness.connector(journal(kind), true, "node-a")) {
            UUID id = scripted(connector).accept(ScriptedClient.request("refused", "fail-permanent", null)).operationId();
            OperationStatus status = connector.operations().awaitFinal(id, WAIT);

            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.attempts()).isEqualTo(1);
            assertThat(status.lastErrorCode()).isEqualTo("CORE-REMOTE-REFUSED");
            assertThat(status.lastError()).contains("XDSRegistryError");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void retriesStopAtTheMaximumNumberOfAttempts(TestDatabases.Kind kind) {
        RetryPolicy threeAttempts = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), 2.0, 0.0);
        try (DuiConnector connector = DuiConnector.builder().config(JournalHarness.config(journal(kind), threeAttempts)).build()) {
            UUID id = scripted(connector).accept(ScriptedClient.request("down", "fail-transient:99", null)).operationId();
            OperationStatus status = connector.operations().awaitFinal(id, WAIT);

            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.attempts()).isEqualTo(3);
            assertThat(status.lastErrorCode()).isEqualTo("CORE-TRANSPORT");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPendingOperationCanBeExplicitlyFailed(TestDatabases.Kind kind) {
        try (DuiConnector connector = JournalHarness.connector(journal(kind), false, "front")) {
            UUID id = scripted(connector).accept(ScriptedClient.request("to-cancel", "ok", null)).operationId();

            assertThat(connector.operations().cancel(id, "resident left")).isTrue();
            assertThat(connector.operations().status(id).state()).isEqualTo(OperationState.FAILED);
            assertThat(connector.operations().status(id).lastError()).contains("resident left");
            assertThat(connector.operations().cancel(id, "twice")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUnknownOperationIdIsATypedError(TestDatabases.Kind kind) {
        try (DuiConnector connector = JournalHarness.connector(journal(kind), false, "front")) {
            assertThatThrownBy(() -> connector.operations().status(UUID.randomUUID()))
                    .isInstanceOf(DuiConnectException.class)
                    .hasMessageContaining("CORE-OPERATION-UNKNOWN");
        }
    }

    /** The acceptance's audit row commits with the operation: one row per operation, none for a repeated idempotency key. */
    @ParameterizedTest
    @MethodSource("databases")
    void anOperationAcceptedTwiceUnderOneKeyIsAuditedAcceptedOnce(TestDatabases.Kind kind) {
        try (DuiConnector connector = JournalHarness.connector(journal(kind), true, "node-a")) {
            UUID first = scripted(connector).accept(ScriptedClient.request("twice", "ok", null)).operationId();
            UUID again = scripted(connector).accept(ScriptedClient.request("twice", "ok", null)).operationId();
            connector.operations().awaitFinal(first, WAIT);

            assertThat(again).isEqualTo(first);
            assertThat(connector.audit().query(AuditQuery.all().forPerson("person-twice")))
                    .filteredOn(event -> event.outcome() == AuditOutcome.ACCEPTED)
                    .singleElement().satisfies(event -> assertThat(event.operationId()).isEqualTo(first));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theAuditTrailRecordsWhoWhatForWhomAndOutcomeWithoutThePayload(TestDatabases.Kind kind) {
        try (DuiConnector connector = JournalHarness.connector(journal(kind), true, "node-a")) {
            UUID id = scripted(connector).accept(ScriptedClient.request("audited", "ok", null)).operationId();
            connector.operations().awaitFinal(id, WAIT);

            List<AuditEvent> events = connector.audit().query(AuditQuery.all().forPerson("person-audited"));
            assertThat(events).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.ACCEPTED, AuditOutcome.SUCCESS);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.finess()).isEqualTo("750000010");
                assertThat(event.actor()).isEqualTo("810000000001");
                assertThat(event.action()).isEqualTo("test.scripted");
                assertThat(event.operationId()).isEqualTo(id);
            });

            StringWriter out = new StringWriter();
            long count = connector.audit().exportJsonLines(AuditQuery.all().forPerson("person-audited"), out);
            assertThat(count).isEqualTo(2);
            assertThat(out.toString().lines()).hasSize(2)
                    .allSatisfy(line -> assertThat(line).startsWith("{\"when\":").contains("\"forWhom\":\"person-audited\"")
                            .doesNotContain("\"ok\""));
        }
    }

    /**
     * The counter once it reached {@code expected} (or its value after {@link #WAIT}): the dispatcher counts a delivery
     * just after committing it, and a waiter may read the commit first.
     */
    private static long counted(java.util.function.LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long value = counter.getAsLong();
        while (value < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            value = counter.getAsLong();
        }
        return value;
    }
}
