package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * as short as the connector allows (longer than a delivery's two exchanges, each 2 + 8 s at most), so a killed
 * process's claims are resumed by the next one within half a minute.
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
 *       hands a second copy over to no one. Asserted: every message is held, the copies beyond the first are at most the
 *       operations in flight at the kills, and the recipient's own connector hands every Message-ID over exactly
 *       once.</li>
 *   <li><b>e-parcours</b>: exactly once. The note identifier (masterIdentifier) is fixed when the note is accepted;
 *       a retry first searches the person's notes for it (the pull's search) and, if the platform has it, records
 *       the note as delivered instead of posting a second one. Asserted: no note is held twice.</li>
 * </ul>
 * The run is made once; each rule is a test of its own. The counts are printed so that the windows actually hit in
 * a run can be reported.
 */
class SigkillNothingLostTest {

    private static final int MAILS = 60;
    private static final int NOTES = 45;
    private static final int DEPOSITS = 45;
    private static final int KILLS = 2;
    /** Delivery workers of an H2 journal's connector (pool of 4 connections, one kept for claims): what a kill may cut. */
    private static final int IN_FLIGHT_PER_KILL = 3;
    /** A lease as short as the connector allows: longer than a delivery's two exchanges (2 × (2 s + 8 s)). */
    private static final Map<String, String> SHORT_LEASE = Map.of("dui.journal.lease", "PT21S",
            "dui.mssante.timeout.connect", "PT2S", "dui.mssante.timeout.read", "PT8S",
            "dui.eparcours.timeout.connect", "PT2S", "dui.eparcours.timeout.read", "PT8S",
            "dui.dmp.timeout.connect", "PT2S", "dui.dmp.timeout.read", "PT8S",
            "dui.retry.initial-backoff", "PT0.05S", "dui.retry.max-backoff", "PT0.5S",
            // the platform honours ifNoneExist: a retry racing a killed process's post it still processes creates nothing
            "dui.eparcours.option.note.conditional-create", "true");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)   // a failed run keeps the processes' logs
    static Path dir;
    static Sandbox sandbox;
    static final List<Integer> killedExitValues = new ArrayList<>();
    static final List<List<String>> killedLogs = new ArrayList<>();
    static List<String> lastLog;
    static List<Settled> settled;
    static MixedWorkload workload;
    static final Map<ServiceSocle, DeliveryTally> tallies = new EnumMap<>(ServiceSocle.class);

    /** The run every rule below is read from: two runs killed mid-way, then one to the end, on one journal. */
    @BeforeAll
    static void killTwiceThenRunToTheEnd() throws Exception {
        long started = System.nanoTime();
        sandbox = Sandbox.start(dir.resolve("sandbox"), Set.copyOf(MixedWorkload.SERVICES), false);
        Path config = sandbox.propertiesFileWith("killed-connector.properties", SHORT_LEASE);
        Path workloadDir = dir.resolve("workload");
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
            heldAtKill.add(awaitHeld(workload, total * kill / (KILLS + 1), run));
            run.destroyForcibly();
            killedExitValues.add(run.waitFor(30, TimeUnit.SECONDS) ? run.exitValue() : null);
            killedLogs.add(Files.readAllLines(log, StandardCharsets.UTF_8));
            runs.add(String.format("started in %.1f s, killed %.1f s later", (up - launched) / 1e9, (System.nanoTime() - up) / 1e9));
        }
        Path log = dir.resolve("final.log");
        long launched = System.nanoTime();
        Process last = ConnectorProcess.launch(config, "final", log, workloadDir.toString());
        long up = System.nanoTime();
        if (!last.waitFor(ConnectorProcess.SETTLE_WAIT.toSeconds() + 60, TimeUnit.SECONDS)) {
            last.destroyForcibly();
        }
        lastLog = Files.readAllLines(log, StandardCharsets.UTF_8);
        runs.add(String.format("started in %.1f s, done %.1f s later", (up - launched) / 1e9, (System.nanoTime() - up) / 1e9));
        settled = lastLog.stream().filter(Settled::isLine).map(Settled::parse).toList();

        System.out.printf("sigkill: %d operations, killed (exit values %s) with %s of them held at the simulators, then done in %.1f s "
                        + "in all (runs: %s); DMP: %d duplicate uniqueIds refused then read back%n", total, killedExitValues, heldAtKill,
                (System.nanoTime() - started) / 1e9, runs, sandbox.simulator(DmpSimulator.class).duplicateRefusals());
        for (ServiceSocle service : MixedWorkload.SERVICES) {
            tallies.put(service, DeliveryTally.of(sandbox, service, settled, 0));
            System.out.println("sigkill: " + tallies.get(service).report());
        }
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void eachKillIsASigkillBeforeTheRunIsDone() {
        assertThat(killedExitValues).as("killed by SIGKILL (128 + 9), not stopped").hasSize(KILLS).containsOnly(137);
        assertThat(killedLogs).allSatisfy(log -> assertThat(log).doesNotContain("DONE"));
    }

    @Test
    void theRestartedConnectorSettlesEveryOperationWithoutFailure() {
        assertThat(lastLog).as("the last run is done").contains("DONE");
        assertThat(settled).hasSize(MAILS + NOTES + DEPOSITS);
        assertThat(settled).as("pending or failed (no fault was injected)").allMatch(s -> s.state() == OperationState.SENT
                || s.state() == OperationState.ACKED);
    }

    @ParameterizedTest
    @EnumSource(value = ServiceSocle.class, names = {"MSSANTE", "EPARCOURS", "DMP"})
    void nothingAcceptedIsLost(ServiceSocle service) {
        assertThat(tallies.get(service).lost()).as("accepted, never delivered").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ServiceSocle.class, names = {"EPARCOURS", "DMP"})
    void nothingIsDeliveredTwice(ServiceSocle service) {
        assertThat(tallies.get(service).duplicated()).isEmpty();
    }

    /**
     * The second copies an SMTP resend leaves at the operator do not reach the recipient's DUI twice: the recipient's
     * connector (the hospital doctor's mailbox, read by IMAP through Pro Santé Connect) hands each Message-ID over once.
     * Whatever the kills cut, one copy more is made for sure: a sender on a fresh journal sends the first message's
     * journaled bytes again, as a process killed after the server's 250 would.
     */
    @Test
    void theRecipientsInboxHandsEveryMessageOverExactlyOnce() throws Exception {
        MixedWorkload.Operation first = workload.of(ServiceSocle.MSSANTE).get(0);
        try (DuiConnector resender = DuiConnector.builder().config(sandbox.connectorConfigWith(Map.of())).build()) {
            var receipt = first.acceptOn(resender);
            assertThat(resender.operations().await(receipt.operationId(), Duration.ofSeconds(30)).state()).isEqualTo(OperationState.SENT);
        }
        assertThat(DeliveryTally.heldByKey(sandbox, ServiceSocle.MSSANTE).get(first.key())).as("copies the operator holds").isGreaterThanOrEqualTo(2);
        List<String> handedOver = RecipientInbox.readAll(sandbox, dir.resolve("recipient"));
        List<String> sent = settled.stream().filter(s -> s.service() == ServiceSocle.MSSANTE).map(Settled::key).toList();
        assertThat(handedOver).as("each Message-ID handed over once, whatever the operator holds").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void aMessageIsSentAgainOnlyIfAKillCutItInFlight() {
        assertThat(tallies.get(ServiceSocle.MSSANTE).extraCopies()).isLessThanOrEqualTo(KILLS * IN_FLIGHT_PER_KILL);
    }

    /**
     * Waits until {@code target} operations are held by the simulators, and returns how many are. The count spans
     * three simulators fed by another process, so it is read again every 100 ms, within a bound.
     */
    private static int awaitHeld(MixedWorkload workload, int target, Process run) throws InterruptedException {
        // bounded by what delivering takes: each DMP deposit is validated with the ANS kit by the simulated DMP (~1 s loaded)
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        int held = 0;
        while (System.nanoTime() < deadline && run.isAlive()) {
            held = 0;
            for (ServiceSocle service : MixedWorkload.SERVICES) {
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
