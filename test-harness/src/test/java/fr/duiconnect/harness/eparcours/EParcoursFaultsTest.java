package fr.duiconnect.harness.eparcours;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.faults.TypedFailure;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per fault the coordination platform simulator can be told to make. A posted note is journaled, so
 * transient faults (5xx, a cut connection) are retried until the platform stores it once; a failed TLS handshake
 * ends it FAILED with its code. The synchronous pull turns each fault into a typed error.
 */
class EParcoursFaultsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.EPARCOURS);

    private static final PersonIdentity RESIDENT = InsPersona.ALL.get(1).identity();
    static EParcoursSimulator platform;

    @BeforeAll
    static void platform() {
        platform = SANDBOX.sandbox().simulator(EParcoursSimulator.class);
    }

    @AfterEach
    void clearFaults() {
        SANDBOX.sandbox().faults(ServiceSocle.EPARCOURS).clear();
    }

    private static OperationStatus postUnder(Fault fault, DuiConnector connector) {
        SANDBOX.sandbox().faults(ServiceSocle.EPARCOURS).set(fault);
        var receipt = connector.eparcours().post(NoteDraft.of(RESIDENT, NoteType.OBS, "Nuit calme, pas de chute."));
        return connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
    }

    /** Posts under a transient fault and checks that the note was delivered after a retry, and stored once. */
    private static void isRetriedUntilStoredOnce(Fault fault) {
        int before = platform.store().noteCount();
        OperationStatus status = postUnder(fault, SANDBOX.connector());
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
        assertThat(status.attempts()).isGreaterThan(1);
        assertThat(status.remoteReference()).startsWith("DocumentReference/");
        assertThat(platform.store().noteCount() - before).isEqualTo(1);
    }

    private static DuiConnectException pullUnder(Fault fault, DuiConnector connector) {
        return TypedFailure.under(SANDBOX.sandbox().faults(ServiceSocle.EPARCOURS), fault, () -> connector.eparcours().pull(RESIDENT));
    }

    /**
     * An answer later than the read timeout: the retry may reach the platform while the first post is still being
     * processed, so only a conditional create on the note's identifier (the opt-in
     * {@code dui.eparcours.option.note.conditional-create}) guarantees one copy; the simulator honours it, atomically.
     */
    @Test
    void aPostAnsweredAfterTheReadTimeoutIsStoredOnceWithConditionalCreate() throws InterruptedException {
        try (DuiConnector conditional = DuiConnector.builder().config(SANDBOX.sandbox().connectorConfigWith(Map.of(
                "dui.eparcours.option.note.conditional-create", "true", "dui.eparcours.timeout.read", "PT0.5S",
                "dui.retry.initial-backoff", "PT0.05S", "dui.retry.max-backoff", "PT0.2S"))).build()) {
            int before = platform.store().noteCount();
            OperationStatus status = postUnder(Fault.latency(Duration.ofMillis(1500), 1), conditional);
            assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
            assertThat(status.attempts()).isGreaterThan(1);
            assertThat(platform.awaitIdle(Duration.ofSeconds(30))).as("the slow first post answered").isTrue();
            assertThat(platform.store().noteCount() - before).as("the slow first post, done last, found the note there").isEqualTo(1);
        }
    }

    @Test
    void http503OnAPostIsRetriedUntilTheNoteIsStoredOnce() {
        isRetriedUntilStoredOnce(Fault.times(FaultKind.HTTP_503, 2));
    }

    @Test
    void http500OnAPostIsRetriedUntilTheNoteIsStoredOnce() {
        isRetriedUntilStoredOnce(Fault.times(FaultKind.HTTP_500, 1));
    }

    @Test
    void aConnectionCutOnAPostIsRetriedUntilTheNoteIsStoredOnce() {
        isRetriedUntilStoredOnce(Fault.times(FaultKind.CONNECTION_RESET, 1));
    }

    @Test
    void aFailedTlsHandshakeEndsAPostFailedWithTheTlsCode() {
        // A connector of its own (own journal, new connection): the handshake is the one that fails.
        try (DuiConnector fresh = DuiConnector.builder().config(SANDBOX.sandbox().connectorConfigWith(Map.of())).build()) {
            OperationStatus status = postUnder(Fault.times(FaultKind.TLS_FAILURE, 1), fresh);
            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.lastErrorCode()).isEqualTo("CORE-TLS");
            assertThat(status.attempts()).isEqualTo(1);
        }
    }

    @Test
    void http503OnAPullIsATypedPlatformErrorWorthRetrying() {
        DuiConnectException error = pullUnder(Fault.times(FaultKind.HTTP_503, 1), SANDBOX.connector());
        TypedFailure.assertTyped(error, "EPARCOURS-PLATFORM-ERROR", true);
    }

    @Test
    void aConnectionCutOnAPullIsUnreachableAndWorthRetrying() {
        DuiConnectException error = pullUnder(Fault.times(FaultKind.CONNECTION_RESET, 1), SANDBOX.connector());
        TypedFailure.assertTyped(error, "EPARCOURS-UNREACHABLE", true);
    }

    @Test
    void aPullAnsweredLaterThanTheConfiguredReadTimeoutIsATypedTimeout() {
        try (DuiConnector impatient = DuiConnector.builder().config(SANDBOX.sandbox()
                .connectorConfigWith(Map.of("dui.eparcours.timeout.read", "PT0.3S"))).build()) {
            DuiConnectException error = pullUnder(Fault.latency(Duration.ofSeconds(2), 1), impatient);
            TypedFailure.assertTyped(error, "EPARCOURS-TIMEOUT", true);
        }
    }

    @Test
    void aFailedTlsHandshakeOnAPullIsATypedTlsError() {
        try (DuiConnector fresh = SANDBOX.newConnector()) {
            DuiConnectException error = pullUnder(Fault.times(FaultKind.TLS_FAILURE, 1), fresh);
            TypedFailure.assertTyped(error, "CORE-TLS", false);
        }
    }
}
