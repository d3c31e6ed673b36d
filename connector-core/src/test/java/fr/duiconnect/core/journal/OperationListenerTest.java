package fr.duiconnect.core.journal;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.operation.OperationTracker;
import fr.duiconnect.core.testing.ScriptedClient;
import fr.duiconnect.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static fr.duiconnect.core.journal.JournalHarness.scripted;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code operations().subscribe}: every change the journal records, in order, as the status recorded then. */
class OperationListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private JournalConfig journal() {
        return TestDatabases.journal(TestDatabases.Kind.H2, dir);
    }

    /** Collects changes of one operation until a final state. */
    private static List<OperationStatus> untilFinal(BlockingQueue<OperationStatus> changes, UUID id) throws InterruptedException {
        List<OperationStatus> seen = new ArrayList<>();
        while (seen.isEmpty() || !seen.get(seen.size() - 1).state().isFinal()) {
            OperationStatus next = changes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(next).as("a change after " + seen).isNotNull();
            if (next.operationId().equals(id)) {
                seen.add(next);
            }
        }
        return seen;
    }

    @Test
    void aListenerSeesTheAcceptanceThenTheDelivery() throws Exception {
        BlockingQueue<OperationStatus> changes = new LinkedBlockingQueue<>();
        try (DuiConnector connector = JournalHarness.connector(journal(), true, "node-a");
             OperationTracker.Subscription ignored = connector.operations().subscribe(changes::add)) {
            UUID id = scripted(connector).accept(ScriptedClient.request("op-1", "ok", null)).operationId();

            assertThat(untilFinal(changes, id)).extracting(OperationStatus::state)
                    .containsExactly(OperationState.PENDING, OperationState.ACKED);
        }
    }

    @Test
    void aFailedAttemptIsAChangeWithItsErrorBeforeTheRetrySucceeds() throws Exception {
        BlockingQueue<OperationStatus> changes = new LinkedBlockingQueue<>();
        try (DuiConnector connector = JournalHarness.connector(journal(), true, "node-a");
             OperationTracker.Subscription ignored = connector.operations().subscribe(changes::add)) {
            UUID id = scripted(connector).accept(ScriptedClient.request("flaky", "fail-transient:1", null)).operationId();

            List<OperationStatus> seen = untilFinal(changes, id);
            assertThat(seen).extracting(OperationStatus::state)
                    .containsExactly(OperationState.PENDING, OperationState.PENDING, OperationState.ACKED);
            assertThat(seen.get(1).lastErrorCode()).isEqualTo("CORE-TRANSPORT");
            assertThat(seen.get(2).attempts()).isEqualTo(2);
        }
    }

    @Test
    void aCancellationIsAChangeToFailed() throws Exception {
        BlockingQueue<OperationStatus> changes = new LinkedBlockingQueue<>();
        try (DuiConnector connector = JournalHarness.connector(journal(), false, "front");
             OperationTracker.Subscription ignored = connector.operations().subscribe(changes::add)) {
            UUID id = scripted(connector).accept(ScriptedClient.request("to-cancel", "ok", null)).operationId();
            connector.operations().cancel(id, "resident left");

            List<OperationStatus> seen = untilFinal(changes, id);
            assertThat(seen).extracting(OperationStatus::state).containsExactly(OperationState.PENDING, OperationState.FAILED);
            assertThat(seen.get(1).lastError()).contains("resident left");
        }
    }

    @Test
    void aClosedSubscriptionHearsNothingMoreAndAFailingListenerStopsNeitherDeliveryNorOthers() throws Exception {
        BlockingQueue<OperationStatus> closedOne = new LinkedBlockingQueue<>();
        BlockingQueue<OperationStatus> witness = new LinkedBlockingQueue<>();
        try (DuiConnector connector = JournalHarness.connector(journal(), true, "node-a")) {
            connector.operations().subscribe(closedOne::add).close();
            connector.operations().subscribe(status -> {
                throw new IllegalStateException("a listener's own bug");
            });
            try (OperationTracker.Subscription ignored = connector.operations().subscribe(witness::add)) {
                UUID id = scripted(connector).accept(ScriptedClient.request("op-2", "ok", null)).operationId();

                // One notification thread, in order: once the witness saw ACKED, every listener was called for it.
                assertThat(untilFinal(witness, id)).last().extracting(OperationStatus::state).isEqualTo(OperationState.ACKED);
                assertThat(closedOne).isEmpty();
            }
        }
    }
}
