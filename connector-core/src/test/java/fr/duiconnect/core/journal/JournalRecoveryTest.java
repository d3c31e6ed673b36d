package fr.duiconnect.core.journal;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static fr.duiconnect.core.journal.JournalHarness.ledger;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connector process killed with SIGKILL loses nothing and sends nothing twice: the journal commit happens before
 * the call returns, and a claim left by a dead process expires and is resumed once.
 */
class JournalRecoveryTest {

    @TempDir
    Path dir;

    static List<TestDatabases.Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void killedRightAfterTheAcceptReturned_theOperationIsDeliveredOnceAfterRestart(TestDatabases.Kind kind) throws Exception {
        JournalConfig journal = TestDatabases.journal(kind, dir);
        Path ledger = dir.resolve("ledger");
        UUID id = runChildUntil(journal, false, "kill-after-accept", "ok", ledger, "ACCEPTED");

        assertDeliveredOnceAfterRestart(journal, id, ledger, "kill-after-accept");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void killedBetweenTheClaimAndTheSend_theOperationResumesOnce(TestDatabases.Kind kind) throws Exception {
        JournalConfig journal = TestDatabases.journal(kind, dir);
        Path ledger = dir.resolve("ledger");
        Path marker = dir.resolve("claimed-once");
        runChildUntil(journal, true, "kill-mid-delivery", "block-once:" + marker, ledger, "CLAIMED");

        assertThat(marker).exists();
        assertThat(ledger(ledger)).isEmpty();
        UUID id;
        try (DuiConnector inspector = JournalHarness.connector(journal, false, "inspector")) {
            id = inspector.operations().list(OperationState.PENDING, 10).get(0).operationId();
            assertThat(inspector.operations().status(id).attempts()).isEqualTo(1);
        }
        assertDeliveredOnceAfterRestart(journal, id, ledger, "kill-mid-delivery");
    }

    private void assertDeliveredOnceAfterRestart(JournalConfig journal, UUID id, Path ledger, String key) throws Exception {
        try (DuiConnector restarted = JournalHarness.connector(journal, true, "restarted")) {
            assertThat(restarted.operations().awaitFinal(id, Duration.ofSeconds(30)).state()).isEqualTo(OperationState.ACKED);
        }
        assertThat(ledger(ledger)).containsExactly(key);
    }

    /** Starts the child JVM, waits for the line starting with {@code signal}, kills it with SIGKILL. */
    private UUID runChildUntil(JournalConfig journal, boolean dispatching, String key, String script, Path ledger,
                               String signal) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalChildProcess.class.getName(), journal.jdbcUrl(), journal.user(), String.valueOf(dispatching),
                key, script, ledger.toString())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            CompletableFuture<String> accepted = CompletableFuture.supplyAsync(() -> lineStarting(out, "ACCEPTED"));
            String acceptedLine = accepted.get(60, TimeUnit.SECONDS);
            if (!signal.equals("ACCEPTED")) {
                CompletableFuture.supplyAsync(() -> lineStarting(out, signal)).get(60, TimeUnit.SECONDS);
            }
            child.destroyForcibly();   // SIGKILL on Linux: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return UUID.fromString(acceptedLine.substring("ACCEPTED ".length()));
        } finally {
            child.destroyForcibly();
        }
    }

    private static String lineStarting(BufferedReader reader, String prefix) {
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("the child process ended without printing " + prefix);
    }
}
