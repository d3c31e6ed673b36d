package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpSearch;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per fault the DMP simulator can be told to make: transient ones are retried until the deposit is
 * registered once; the others become typed errors. Also the lost answer: registered, but the client never heard.
 */
class DmpFaultsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.DMP);

    static DmpSimulator simulator;
    static KitDlu dlu;
    static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDEC");

    @BeforeAll
    static void start() {
        simulator = SANDBOX.sandbox().simulator(DmpSimulator.class);
        dlu = KitDlu.load(Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit"));
    }

    @AfterEach
    void clearFaults() throws InterruptedException {
        SANDBOX.sandbox().faults(ServiceSocle.DMP).clear();
        simulator.loseAnswers(0);
        // a request a LATENCY fault holds is answered after its client gave up: not during the next test's count
        assertThat(simulator.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    private static OperationStatus depositUnder(Fault fault) {
        SANDBOX.sandbox().faults(ServiceSocle.DMP).set(fault);
        KitDlu.Generated document = dlu.forStructure(Sandbox.TEST_FINESS);
        var receipt = SANDBOX.connector().dmp().deposit(DmpDeposit.of(document.cda(), KitDlu.KIT_PATIENT, RECORDED));
        OperationStatus status = SANDBOX.connector().operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
        assertThat(status.remoteReference()).isIn(document.uniqueId(), null);
        return status;
    }

    @Test
    void http503IsRetriedUntilRegistered() {
        OperationStatus status = depositUnder(Fault.times(FaultKind.HTTP_503, 2));
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
        assertThat(status.attempts()).isGreaterThan(1);
    }

    @Test
    void http500IsRetriedUntilRegistered() {
        OperationStatus status = depositUnder(Fault.times(FaultKind.HTTP_500, 1));
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
    }

    @Test
    void aReceiverSoapFaultIsRetriedUntilRegistered() {
        OperationStatus status = depositUnder(Fault.times(FaultKind.SOAP_FAULT, 2));
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
    }

    @Test
    void aConnectionResetIsRetriedUntilRegistered() {
        OperationStatus status = depositUnder(Fault.times(FaultKind.CONNECTION_RESET, 1));
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
    }

    @Test
    void aLostDepositAnswerIsRetriedAndTheRegistryKeepsOneCopy() {
        long registeredBefore = simulator.registeredCount();
        long duplicatesBefore = simulator.duplicateRefusals();
        KitDlu.Generated document = dlu.forStructure(Sandbox.TEST_FINESS);
        simulator.loseAnswersAfter(1, 1);   // TD0.2 is answered; the ITI-41 is registered but its answer is lost
        var receipt = SANDBOX.connector().dmp().deposit(DmpDeposit.of(document.cda(), KitDlu.KIT_PATIENT, RECORDED));
        OperationStatus status = SANDBOX.connector().operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
        assertThat(simulator.registeredCount() - registeredBefore).isEqualTo(1);
        assertThat(simulator.duplicateRefusals() - duplicatesBefore).isEqualTo(1);
    }

    /**
     * Issue #19: a replacement (RPLC) whose answer is lost has deprecated its target; the retry finds no approved target,
     * and reads the replacement itself back (ITI-18 by uniqueId, same hash) instead of ending FAILED DMP-REPLACE-TARGET.
     */
    @Test
    void aReplacementWhoseAnswerWasLostIsReadBackNotFailedForItsDeprecatedTarget() {
        KitDlu.Generated original = dlu.forStructure(Sandbox.TEST_FINESS);
        var first = SANDBOX.connector().dmp().deposit(DmpDeposit.of(original.cda(), KitDlu.KIT_PATIENT, RECORDED));
        assertThat(SANDBOX.connector().operations().awaitFinal(first.operationId(), Duration.ofSeconds(60)).state()).isEqualTo(OperationState.ACKED);
        KitDlu.Generated replacement = dlu.forPerson(Sandbox.TEST_FINESS, KitDlu.KIT_PATIENT.ins(), original.uniqueId());
        long registeredBefore = simulator.registeredCount();
        simulator.loseAnswersAfter(2, 1);   // TD0.2 and the target's ITI-18 are answered; the ITI-41 is registered, its answer lost

        var receipt = SANDBOX.connector().dmp().replace(DmpDeposit.of(replacement.cda(), KitDlu.KIT_PATIENT, RECORDED), original.uniqueId());
        OperationStatus status = SANDBOX.connector().operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));

        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
        assertThat(simulator.registeredCount() - registeredBefore).isEqualTo(1);
    }

    /**
     * Issue #19: a submission racing another of the same uniqueId still being validated (a retry after a timed-out
     * answer or a killed process; here two journals) is refused XDSDuplicateUniqueIdInRegistry, as a registry's unique
     * index would: one entry per uniqueId, never two.
     */
    @Test
    void twoSubmissionsOfOneUniqueIdAtTheSameTimeLeaveOneEntry() throws Exception {
        KitDlu.Generated document = dlu.forStructure(Sandbox.TEST_FINESS);
        // two journals (two DUI installations, or a restarted one's retry): each delivers the document at once
        try (DuiConnector first = DuiConnector.builder().config(SANDBOX.sandbox().connectorConfigWith(Map.of())).build();
             DuiConnector second = DuiConnector.builder().config(SANDBOX.sandbox().connectorConfigWith(Map.of())).build()) {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<OperationStatus>> outcomes = new java.util.ArrayList<>();
                for (DuiConnector connector : java.util.List.of(first, second)) {
                    outcomes.add(both.submit(() -> {
                        together.await();
                        var receipt = connector.dmp().deposit(DmpDeposit.of(document.cda(), KitDlu.KIT_PATIENT, RECORDED));
                        return connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
                    }));
                }
                List<String> ends = new java.util.ArrayList<>();
                for (var outcome : outcomes) {
                    OperationStatus status = outcome.get();
                    ends.add(status.state() == OperationState.ACKED ? "ACKED" : status.lastErrorCode());
                }
                // the first registered; the other, a first attempt of its own journal, is refused as a duplicate
                assertThat(ends).containsExactlyInAnyOrder("ACKED", "DMP-XDS-DUPLICATE");
            } finally {
                both.shutdownNow();
            }
        }
        assertThat(simulator.storedByUniqueId().get(document.uniqueId())).as("entries with the uniqueId").isEqualTo(1);
    }

    @Test
    void aTlsHandshakeFailureIsATypedTlsError() {
        try (DuiConnector fresh = SANDBOX.newConnector()) {   // a new connection, hence a new handshake
            SANDBOX.sandbox().faults(ServiceSocle.DMP).set(Fault.times(FaultKind.TLS_FAILURE, 1));
            assertThatThrownBy(() -> fresh.dmp().search(DmpSearch.approvedDocumentsOf(KitDlu.KIT_PATIENT)))
                    .isInstanceOf(DuiConnectException.class).extracting(e -> ((DuiConnectException) e).code()).isEqualTo("CORE-TLS");
        }
    }

    @Test
    void anAnswerLaterThanTheReadTimeoutIsATypedTimeout() {
        try (DuiConnector impatient = DuiConnector.builder()
                .config(SANDBOX.sandbox().connectorConfigWith(Map.of("dui.dmp.timeout.read", "PT0.3S"))).build()) {
            SANDBOX.sandbox().faults(ServiceSocle.DMP).set(Fault.latency(Duration.ofSeconds(2), 1));
            assertThatThrownBy(() -> impatient.dmp().search(DmpSearch.approvedDocumentsOf(KitDlu.KIT_PATIENT)))
                    .isInstanceOf(DuiConnectException.class).extracting(e -> ((DuiConnectException) e).code()).isEqualTo("CORE-TIMEOUT");
        }
    }
}
