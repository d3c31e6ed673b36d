package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.mssante.InboxBatch;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.faults.TypedFailure;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per fault the simulated MSSanté operator can be told to make. A message is journaled, so what a later
 * attempt can mend (SMTP 421/451, a reset connection, an answer later than the read timeout) is retried until the
 * operator accepts it, once; a permanent refusal (550) and a failed TLS handshake end it FAILED with their code and
 * the reason. On the receiving side a dropped IMAP connection is a typed, retryable error and loses nothing.
 */
class MssanteFaultsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.MSSANTE);

    static MssanteOperatorSimulator operator;
    static FaultSwitch faults;

    @BeforeAll
    static void operator() {
        operator = SANDBOX.sandbox().simulator(MssanteOperatorSimulator.class);
        faults = SANDBOX.sandbox().faults(ServiceSocle.MSSANTE);
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    private static OperationStatus sendUnder(Fault fault, DuiConnector connector) {
        faults.set(fault);
        return send(connector);
    }

    private static OperationStatus send(DuiConnector connector) {
        OperationReceipt receipt = connector.mssante().send(MssanteSendReceiveTest.note(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
        return connector.operations().await(receipt.operationId(), Duration.ofSeconds(60));
    }

    /** Sends under a transient fault: submitted after more than one attempt, and in the recipient's mailbox once. */
    private static OperationStatus isRetriedUntilSubmittedOnce(Fault fault, DuiConnector connector) {
        int before = operator.mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR).size();
        OperationStatus status = sendUnder(fault, connector);
        assertThat(status.state()).as(status.toString()).isEqualTo(OperationState.SENT);
        assertThat(status.attempts()).isGreaterThan(1);
        assertThat(operator.mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR).size() - before).isEqualTo(1);
        return status;
    }

    @Test
    void smtp421IsRetriedUntilSubmitted() {
        assertThat(isRetriedUntilSubmittedOnce(Fault.times(FaultKind.SMTP_421, 2), SANDBOX.connector()).attempts()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void smtp451IsRetriedUntilSubmitted() {
        assertThat(isRetriedUntilSubmittedOnce(Fault.times(FaultKind.SMTP_451, 2), SANDBOX.connector()).attempts()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void smtp550FailsTheMessageWithTheOperatorsReason() {
        OperationStatus status = sendUnder(Fault.times(FaultKind.SMTP_550, 1), SANDBOX.connector());
        assertThat(status.state()).isEqualTo(OperationState.FAILED);
        assertThat(status.lastErrorCode()).isEqualTo("MSS-SMTP-5XX");
        assertThat(status.lastError()).contains("550").contains("refused by the operator policy");
        assertThat(status.attempts()).isEqualTo(1);
    }

    @Test
    void aResetConnectionIsRetriedUntilSubmitted() {
        isRetriedUntilSubmittedOnce(Fault.times(FaultKind.CONNECTION_RESET, 1), SANDBOX.connector());
    }

    @Test
    void anAnswerLaterThanTheConfiguredReadTimeoutIsRetriedUntilSubmittedOnce() {
        try (DuiConnector impatient = DuiConnector.builder().config(SANDBOX.sandbox()
                .connectorConfigWith(Map.of("dui.mssante.timeout.read", "PT0.5S"))).build()) {
            isRetriedUntilSubmittedOnce(Fault.latency(Duration.ofSeconds(2), 1), impatient);
        }
    }

    @Test
    void aFailedTlsHandshakeFailsTheMessageWithTheTlsCode() {
        // A connector of its own (own journal, no SMTP session kept open): the STARTTLS handshake is the one that fails.
        try (DuiConnector fresh = DuiConnector.builder().config(SANDBOX.sandbox().connectorConfigWith(Map.of())).build()) {
            OperationStatus status = sendUnder(Fault.times(FaultKind.TLS_FAILURE, 1), fresh);
            assertThat(status.state()).as(status.toString()).isEqualTo(OperationState.FAILED);
            assertThat(status.lastErrorCode()).isEqualTo("CORE-TLS");
            assertThat(status.attempts()).isEqualTo(1);
        }
    }

    @Test
    void anImapDisconnectIsATypedMailboxErrorAndTheReceiptsAreReadNextTime() {
        OperationStatus sent = send(SANDBOX.connector());
        assertThat(sent.state()).isEqualTo(OperationState.SENT);
        // Every IMAP connection is cut while the fault is set, not only the next one: a connection the test does not
        // make (seen once in CI) cannot take the fault meant for this fetch.
        DuiConnectException error = TypedFailure.under(faults, Fault.always(FaultKind.IMAP_DISCONNECT),
                () -> SANDBOX.connector().mssante().fetchInbox());
        faults.clear();
        TypedFailure.assertTyped(error, "MSS-IMAP", true);
        assertThat(SANDBOX.connector().operations().status(sent.operationId()).state()).isEqualTo(OperationState.SENT);

        InboxBatch batch = SANDBOX.connector().mssante().fetchInbox();
        assertThat(batch.receipts()).isNotEmpty();
        assertThat(SANDBOX.connector().operations().status(sent.operationId()).state()).isEqualTo(OperationState.ACKED);
    }
}
