package fr.duiconnect.core.journal;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.testing.ScriptedClient;
import fr.duiconnect.core.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static fr.duiconnect.core.journal.JournalHarness.ledger;
import static org.assertj.core.api.Assertions.assertThat;

/** Two dispatchers draining one journal never send the same operation twice (PostgreSQL: FOR UPDATE SKIP LOCKED). */
class ConcurrentDrainersTest {

    private static final int OPERATIONS = 300;

    @TempDir
    Path dir;

    static List<TestDatabases.Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoDrainersDeliverEveryOperationExactlyOnce(TestDatabases.Kind kind) throws Exception {
        JournalConfig journal = TestDatabases.journal(kind, dir);
        Path ledger = dir.resolve("ledger");
        List<UUID> ids = new ArrayList<>();
        try (DuiConnector front = JournalHarness.connector(journal, false, "front")) {
            for (int i = 0; i < OPERATIONS; i++) {
                ids.add(JournalHarness.scripted(front).accept(ScriptedClient.request("op-" + i, "ok", ledger)).operationId());
            }
            try (DuiConnector drainerA = JournalHarness.connector(journal, true, "drainer-a");
                 DuiConnector drainerB = JournalHarness.connector(journal, true, "drainer-b")) {
                for (UUID id : ids) {
                    assertThat(front.operations().awaitFinal(id, Duration.ofSeconds(60)).state()).isEqualTo(OperationState.ACKED);
                }
                // A drainer counts a delivery just after committing it, and the front may see that commit first:
                // the last count can lag the last ACKED by a moment, so it is read until it settles (or 10 s pass).
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                long byBoth = deliveredBy(drainerA) + deliveredBy(drainerB);
                while (byBoth < OPERATIONS && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    byBoth = deliveredBy(drainerA) + deliveredBy(drainerB);
                }
                assertThat(byBoth).isEqualTo(OPERATIONS);
            }
        }
        List<String> delivered = ledger(ledger);
        assertThat(delivered).hasSize(OPERATIONS);
        assertThat(new HashSet<>(delivered)).hasSize(OPERATIONS);
    }

    private static long deliveredBy(DuiConnector drainer) {
        return drainer.metrics().of("test.scripted").delivered();
    }
}
