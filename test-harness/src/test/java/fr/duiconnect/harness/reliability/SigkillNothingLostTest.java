package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connector process that accepts and delivers MSSanté messages, e-parcours notes and DMP deposits on an H2 file
 * journal is killed with SIGKILL twice in the middle of its run — once a third, then two thirds of the operations
 * have reached the simulators, which run in this JVM — and restarted on the same journal until every operation has
 * settled: nothing accepted is lost, the DMP holds every document once and the platform every note once.
 *
 * <p>Each run accepts the whole workload again: a key already journaled (Message-ID, note identifier, document
 * uniqueId) returns the first receipt, so a kill during acceptance loses nothing either. The journal's lease is
 * two seconds, so a killed process's claims are resumed quickly by the next one.
 *
 * <p><b>At-least-once windows, and what is done about them.</b> An operation sent, and acknowledged by the server,
 * by a process killed before it committed the outcome to its journal is sent again once the lease expires: the
 * journal cannot know how far the dead process went. What the second send does depends on the service:
 * <ul>
 *   <li><b>DMP</b>: exactly once. The retry meets {@code XDSDuplicateUniqueIdInRegistry}; the client reads the entry
 *       back by uniqueId (ITI-18) and, the hash being the document's, records the deposit as delivered. Asserted:
 *       no document is held twice.</li>
 *   <li><b>MSSanté</b>: at least once at the SMTP level — a second copy with the same Message-ID, since the journal
 *       keeps the message's exact bytes. SMTP has no way to ask whether a message was received. This is left to the
 *       receiving side, as mail does: DUI Connect's inbox records every received Message-ID in its inbound ledger and
 *       hands a second copy over to no one ({@code MssanteInboundTest}). Asserted: every message is held, and the
 *       copies beyond the first are at most the operations in flight at the kills.</li>
 *   <li><b>e-parcours</b>: exactly once. The note identifier (masterIdentifier) is fixed when the note is accepted;
 *       a retry first searches the person's notes for it (the pull's search) and, if the platform has it, records
 *       the note as delivered instead of posting a second one. Asserted: no note is held twice.</li>
 * </ul>
 * The counts are printed so that the windows actually hit in a run can be reported.
 */
class SigkillNothingLostTest {

    private static final int MAILS = 60;
    private static final int NOTES = 45;
    private static final int DEPOSITS = 45;
    private static final int KILLS = 2;
    /** Delivery workers of an H2 journal's connector (pool of 4 connections, one kept for claims): what a kill may cut. */
    private static final int IN_FLIGHT_PER_KILL = 3;
    private static final Map<String, String> SHORT_LEASE = Map.of("dui.journal.lease", "PT2S",
            "dui.retry.initial-backoff", "PT0.05S", "dui.retry.max-backoff", "PT0.5S");

    @TempDir
    Path dir;

    @Test
    void aConnectorKilledMidRunAndRestartedOnItsJournalLosesNothing() throws Exception {
        long started = System.nanoTime();
        try (Sandbox sandbox = Sandbox.start(dir.resolve("sandbox"), Set.of(ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS, ServiceSocle.DMP), false)) {
            Path config = sandbox.propertiesFileWith("killed-connector.properties", SHORT_LEASE);
            Path workloadDir = dir.resolve("workload");
            MixedWorkload workload;
            try (DuiConnector composer = DuiConnector.builder().config(sandbox.connectorConfigWith(Map.of())).dispatching(false).build()) {
                workload = MixedWorkload.generate(composer, MixedOperationsNothingLostTest.kit(), MAILS, NOTES, DEPOSITS);
            }
            workload.write(workloadDir);
            int total = workload.operations().size();

            List<Integer> heldAtKill = new ArrayList<>();
            List<String> runs = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                Path log = dir.resolve("run-" + kill + ".log");
                long launched = System.nanoTime();
                Process run = ConnectorProcess.launch(config, "run-" + kill, log, workloadDir.toString());
                long up = System.nanoTime();
                int held = awaitHeld(sandbox, workload, total * kill / (KILLS + 1), run);
                run.destroyForcibly();
                assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(run.exitValue()).as("killed by SIGKILL (128 + 9), not stopped").isEqualTo(137);
                assertThat(Files.readAllLines(log, StandardCharsets.UTF_8)).as("killed before it was done").doesNotContain("DONE");
                heldAtKill.add(held);
                runs.add(String.format("started in %.1f s, killed %.1f s later", (up - launched) / 1e9, (System.nanoTime() - up) / 1e9));
            }
            Path log = dir.resolve("final.log");
            long launched = System.nanoTime();
            Process last = ConnectorProcess.launch(config, "final", log, workloadDir.toString());
            long up = System.nanoTime();
            assertThat(last.waitFor(ConnectorProcess.SETTLE_WAIT.toSeconds() + 60, TimeUnit.SECONDS)).as("the last run ends; see %s", log).isTrue();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(lines).as("the last run settled everything; see %s", log).contains("DONE");
            runs.add(String.format("started in %.1f s, done %.1f s later", (up - launched) / 1e9, (System.nanoTime() - up) / 1e9));
            List<Settled> settled = lines.stream().filter(Settled::isLine).map(Settled::parse).toList();
            assertThat(settled).hasSize(total);
            assertThat(settled).as("every operation settled").noneMatch(s -> s.state() == OperationState.PENDING);

            DmpSimulator dmp = sandbox.simulator(DmpSimulator.class);
            System.out.printf("sigkill: %d operations, killed (exit 137) with %s of them held at the simulators, then done in %.1f s "
                            + "in all (runs: %s); DMP: %d duplicate uniqueIds refused then read back%n", total, heldAtKill,
                    (System.nanoTime() - started) / 1e9, runs, dmp.duplicateRefusals());
            for (ServiceSocle service : List.of(ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS, ServiceSocle.DMP)) {
                DeliveryTally tally = DeliveryTally.of(sandbox, service, settled, 0);
                System.out.println("sigkill: " + tally.report());
                assertThat(tally.lost()).as("%s: accepted, not failed, never delivered", service).isEmpty();
                assertThat(tally.failedWithoutReason()).as("%s: failed without a reason", service).isEmpty();
                assertThat(tally.outcomes()).as("%s: nothing failed (no fault was injected)", service).doesNotContainKey(OperationState.FAILED);
                if (service == ServiceSocle.MSSANTE) {
                    assertThat(tally.extraCopies()).as("MSSanté: copies beyond the in-flight messages cut by the kills")
                            .isLessThanOrEqualTo(KILLS * IN_FLIGHT_PER_KILL);
                } else {
                    assertThat(tally.duplicated()).as("%s: held twice", service).isEmpty();
                }
            }
        }
    }

    /** Waits until {@code target} operations are held by the simulators, and returns how many are. */
    private static int awaitHeld(Sandbox sandbox, MixedWorkload workload, int target, Process run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int held = 0;
        while (System.nanoTime() < deadline && run.isAlive()) {
            held = 0;
            for (ServiceSocle service : List.of(ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS, ServiceSocle.DMP)) {
                held += DeliveryTally.heldCount(sandbox, service, workload);
            }
            if (held >= target) {
                return held;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the connector process did not reach " + target + " deliveries (" + held + ")");
    }
}
