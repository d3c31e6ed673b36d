package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.mssante.InboxBatch;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.mssante.ReceiptKind;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector against the simulated operator: submission, DSN/MDN back, journal states (faults: {@link MssanteFaultsTest}). */
class MssanteSendReceiveTest {

    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static DuiConnector connector;
    static MssanteOperatorSimulator operator;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(dir, Set.of(ServiceSocle.MSSANTE), false);
        operator = sandbox.simulator(MssanteOperatorSimulator.class);
        connector = DuiConnector.builder().config(sandbox.connectorConfig()).build();
    }

    @AfterAll
    static void stop() {
        connector.close();
        sandbox.close();
    }

    static PersonIdentity resident() {
        return PersonIdentity.provisional("IPP-7", new IdentityTraits("DURAND", List.of("Marie"), null, null, Sex.F,
                LocalDate.of(1940, 2, 1), null));
    }

    static MssanteMessage note(String to) {
        return MssanteMessage.builder().to(to).person(resident()).label("Nouvelles de Mme Durand")
                .body("Bonjour,\r\nrésidente stable.").build();
    }

    private OperationStatus sendAndWait(MssanteMessage message) {
        OperationReceipt receipt = connector.mssante().send(message);
        return connector.operations().await(receipt.operationId(), Duration.ofSeconds(30));
    }

    @Test
    void message_is_submitted_then_acked_by_the_delivery_dsn_and_the_recipient_mdn() {
        OperationReceipt receipt = connector.mssante().send(note(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
        OperationStatus sent = connector.operations().await(receipt.operationId(), Duration.ofSeconds(30));
        assertThat(sent.state()).as(sent.toString()).isEqualTo(OperationState.SENT);
        assertThat(operator.mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR)).isNotEmpty();
        InboxBatch batch = connector.mssante().fetchInbox();
        assertThat(batch.receipts()).extracting(r -> r.kind() + ":" + r.success())
                .contains("DSN:true", "MDN:true");
        OperationStatus acked = connector.operations().status(receipt.operationId());
        assertThat(acked.state()).isEqualTo(OperationState.ACKED);
        // ECO.4.1.2: the trace holds the request made to the operator and its answer
        assertThat(connector.audit().query(fr.duiconnect.core.audit.AuditQuery.all()))
                .anySatisfy(event -> {
                    assertThat(event.action()).isEqualTo("mssante.smtp");
                    assertThat(event.operationId()).isEqualTo(receipt.operationId());
                    assertThat(event.detail()).contains("250 2.0.0");
                });
    }

    @Test
    void unknown_mailbox_is_failed_by_the_dsn_5_1_1() {
        OperationStatus sent = sendAndWait(note(MssanteOperatorSimulator.UNKNOWN_MAILBOX));
        assertThat(sent.state()).isEqualTo(OperationState.SENT);
        InboxBatch batch = connector.mssante().fetchInbox();
        assertThat(batch.receipts()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(ReceiptKind.DSN);
            assertThat(r.success()).isFalse();
            assertThat(r.status()).isEqualTo("5.1.1");
        });
        assertThat(connector.operations().status(sent.operationId()).state()).isEqualTo(OperationState.FAILED);
    }

    @Test
    void recipient_outside_the_trust_space_is_failed_by_the_dsn_5_7_1() {
        OperationStatus sent = sendAndWait(note(MssanteOperatorSimulator.UNTRUSTED_ADDRESS));
        connector.mssante().fetchInbox();
        OperationStatus settled = connector.operations().status(sent.operationId());
        assertThat(settled.state()).isEqualTo(OperationState.FAILED);
        assertThat(settled.toString()).contains("5.7.1");
    }

    @Test
    void integration_error_902_from_the_recipient_fails_the_operation() {
        OperationStatus sent = sendAndWait(note(MssanteOperatorSimulator.GP_UNKNOWN_PATIENT));
        InboxBatch batch = connector.mssante().fetchInbox();
        assertThat(batch.receipts()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(ReceiptKind.MDN);
            assertThat(r.success()).isFalse();
            assertThat(r.detail()).contains("902");
        });
        assertThat(connector.operations().status(sent.operationId()).state()).isEqualTo(OperationState.FAILED);
    }
}
