package fr.duiconnect.core.journal;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.testing.ScriptedClient;
import fr.duiconnect.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static fr.duiconnect.core.journal.JournalHarness.ledger;
import static fr.duiconnect.core.journal.JournalHarness.scripted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery and waiting run on signals, not on polling: with the safety poll set to an hour, an operation is
 * delivered, retried and awaited well within the waits below — in one connector, and across connectors sharing a
 * PostgreSQL journal (LISTEN/NOTIFY). A waiter that was not woken would come back PENDING when its wait ends.
 */
class SignalledDispatchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    static List<TestDatabases.Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    private JournalConfig withoutPolling(TestDatabases.Kind kind) {
        return TestDatabases.journal(kind, dir).withPolling(Duration.ofHours(1), 20, Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void awaitWakesWhenItsOwnOperationIsDelivered(TestDatabases.Kind kind) {
        try (DuiConnector connector = JournalHarness.connector(withoutPolling(kind), true, "node-a")) {
            UUID id = scripted(connector).accept(ScriptedClient.request("signalled", "ok", null)).operationId();

            assertThat(connector.operations().awaitFinal(id, WAIT).state()).isEqualTo(OperationState.ACKED);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRetryIsStartedWhenItComesDue(TestDatabases.Kind kind) {
        try (DuiConnector connector = JournalHarness.connector(withoutPolling(kind), true, "node-a")) {
            UUID id = scripted(connector).accept(ScriptedClient.request("flaky", "fail-transient:2", null)).operationId();
            OperationStatus status = connector.operations().awaitFinal(id, WAIT);

            assertThat(status.state()).isEqualTo(OperationState.ACKED);
            assertThat(status.attempts()).isEqualTo(3);
        }
    }

    @Test
    void connectorsOnOnePostgresJournalWakeEachOtherThroughNotifications() throws Exception {
        JournalConfig journal = withoutPolling(TestDatabases.Kind.POSTGRESQL);
        Path ledger = dir.resolve("ledger");
        try (DuiConnector drainer = JournalHarness.connector(journal, true, "drainer");
             DuiConnector front = JournalHarness.connector(journal, false, "front")) {
            // The drainer is idle by now; only the front's NOTIFY can start the delivery, and only the drainer's can
            // wake the front's waiter.
            Thread.sleep(500);
            UUID id = scripted(front).accept(ScriptedClient.request("across", "ok", ledger)).operationId();

            assertThat(front.operations().awaitFinal(id, WAIT).state()).isEqualTo(OperationState.ACKED);
        }
        assertThat(ledger(ledger)).containsExactly("across");
    }
}
