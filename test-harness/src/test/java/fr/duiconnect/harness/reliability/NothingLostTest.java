package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.mssante.BenchMessages;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.sandbox.Sandbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing accepted is lost, nothing is delivered twice: operations are accepted while the simulators inject
 * temporary failures, and every accepted operation ends delivered exactly once (the simulator counts by its
 * Message-ID / uniqueId / identifier) or FAILED with its reason. Bounded: a fixed number of operations.
 */
class NothingLostTest {

    private static final int MAIL_OPERATIONS = 120;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.MSSANTE);

    private static final List<Fault> MAIL_FAULTS = List.of(Fault.times(FaultKind.SMTP_451, 3),
            Fault.times(FaultKind.CONNECTION_RESET, 2), Fault.times(FaultKind.SMTP_421, 2));

    @Test
    void everyAcceptedMessageIsDeliveredOnceOrFailedWithItsReason(DuiConnector connector, Sandbox sandbox) throws Exception {
        MssanteOperatorSimulator operator = sandbox.simulator(MssanteOperatorSimulator.class);
        byte[] pdf = BenchMessages.pdf();
        List<OperationReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < MAIL_OPERATIONS; i++) {
            if (i % 10 == 0) {
                sandbox.faults(ServiceSocle.MSSANTE).set(MAIL_FAULTS.get((i / 10) % MAIL_FAULTS.size()));
            }
            receipts.add(connector.mssante().send(BenchMessages.message(10_000 + i, Sandbox.TEST_FINESS, pdf)));
        }

        Map<OperationState, Integer> outcomes = new EnumMap<>(OperationState.class);
        List<OperationStatus> settled = new ArrayList<>();
        for (OperationReceipt receipt : receipts) {
            OperationStatus status = connector.operations().await(receipt.operationId(), Duration.ofSeconds(120));
            assertThat(status.state()).as("operation %s settled", receipt.operationId()).isNotEqualTo(OperationState.PENDING);
            outcomes.merge(status.state(), 1, Integer::sum);
            settled.add(status);
        }
        Map<String, Integer> deliveredById = countByMessageId(operator.mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
        for (OperationStatus status : settled) {
            if (status.state() == OperationState.FAILED) {
                assertThat(status.lastError()).as("a failed operation says why").isNotBlank();
                assertThat(status.remoteReferenceIfAny().map(deliveredById::get).orElse(0)).isZero();
            } else {
                assertThat(deliveredById.get(status.remoteReference())).as("delivered once: %s", status.operationId()).isEqualTo(1);
            }
        }
        assertThat(sandbox.faults(ServiceSocle.MSSANTE).injectedCount()).as("faults were really injected").isGreaterThanOrEqualTo(5);
        System.out.printf("nothing-lost mssante: %d accepted, outcomes %s, %d distinct delivered, %d faults injected%n",
                receipts.size(), outcomes, deliveredById.size(), sandbox.faults(ServiceSocle.MSSANTE).injectedCount());
    }

    private static Map<String, Integer> countByMessageId(List<MimeMessage> messages) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : messages) {
            counts.merge(message.getMessageID(), 1, Integer::sum);
        }
        return counts;
    }
}
