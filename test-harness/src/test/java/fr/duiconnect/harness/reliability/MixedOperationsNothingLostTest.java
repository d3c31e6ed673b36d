package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.mssante.BenchMessages;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.sandbox.Sandbox;
import jakarta.mail.internet.MimeMessage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
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
 * 500 mixed operations (MSSanté messages and e-parcours notes) accepted while both simulators inject temporary
 * failures: every accepted operation ends delivered exactly once — the operator counts by Message-ID, the platform
 * by note identifier — or FAILED with its reason.
 */
class MixedOperationsNothingLostTest {

    private static final int MAILS = 300;
    private static final int NOTES = 200;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS);

    private static final List<Fault> MAIL_FAULTS = List.of(Fault.times(FaultKind.SMTP_451, 3),
            Fault.times(FaultKind.CONNECTION_RESET, 2), Fault.times(FaultKind.SMTP_421, 2));
    private static final List<Fault> PLATFORM_FAULTS = List.of(Fault.times(FaultKind.HTTP_503, 3),
            Fault.times(FaultKind.CONNECTION_RESET, 2), Fault.times(FaultKind.HTTP_500, 2));

    @Test
    void everyAcceptedOperationIsDeliveredOnceOrFailedWithItsReason(DuiConnector connector, Sandbox sandbox) throws Exception {
        byte[] pdf = BenchMessages.pdf();
        List<OperationReceipt> mails = new ArrayList<>();
        List<OperationReceipt> notes = new ArrayList<>();
        for (int i = 0; i < MAILS + NOTES; i++) {
            if (i % 20 == 0) {
                sandbox.faults(ServiceSocle.MSSANTE).set(MAIL_FAULTS.get((i / 20) % MAIL_FAULTS.size()));
                sandbox.faults(ServiceSocle.EPARCOURS).set(PLATFORM_FAULTS.get((i / 20) % PLATFORM_FAULTS.size()));
            }
            if (i % 5 < 3 && mails.size() < MAILS || notes.size() >= NOTES) {
                mails.add(connector.mssante().send(BenchMessages.message(20_000 + i, Sandbox.TEST_FINESS, pdf)));
            } else {
                InsPersona resident = InsPersona.ALL.get(1 + i % 3);
                notes.add(connector.eparcours().post(NoteDraft.of(resident.identity(), NoteType.OBS, "Observation " + i)));
            }
        }
        assertThat(mails.size() + notes.size()).isEqualTo(MAILS + NOTES);

        Map<OperationState, Integer> outcomes = new EnumMap<>(OperationState.class);
        Map<String, Integer> mailsById = new HashMap<>();
        for (MimeMessage message : sandbox.simulator(MssanteOperatorSimulator.class).mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR)) {
            mailsById.merge(message.getMessageID(), 1, Integer::sum);
        }
        List<OperationStatus> mailStatuses = settle(connector, mails, outcomes);
        List<OperationStatus> noteStatuses = settle(connector, notes, outcomes);
        mailsById.clear();
        for (MimeMessage message : sandbox.simulator(MssanteOperatorSimulator.class).mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR)) {
            mailsById.merge(message.getMessageID(), 1, Integer::sum);
        }
        for (OperationStatus status : mailStatuses) {
            if (status.state() == OperationState.FAILED) {
                assertThat(status.lastError()).isNotBlank();
                assertThat(mailsById.getOrDefault(status.remoteReference(), 0)).isZero();
            } else {
                assertThat(mailsById.get(status.remoteReference())).as("message delivered once").isEqualTo(1);
            }
        }
        Map<String, Integer> notesByIdentifier = new HashMap<>();
        EParcoursSimulator platform = sandbox.simulator(EParcoursSimulator.class);
        for (int p = 1; p <= 3; p++) {
            for (DocumentReference note : platform.store().aboutPerson(InsPersona.ALL.get(p).matricule())) {
                for (Identifier identifier : note.getIdentifier()) {
                    notesByIdentifier.merge(identifier.getValue(), 1, Integer::sum);
                }
                if (note.hasMasterIdentifier()) {
                    notesByIdentifier.merge(note.getMasterIdentifier().getValue(), 1, Integer::sum);
                }
            }
        }
        for (int i = 0; i < notes.size(); i++) {
            OperationStatus status = noteStatuses.get(i);
            String noteId = notes.get(i).idempotencyKey();
            if (status.state() == OperationState.FAILED) {
                assertThat(status.lastError()).isNotBlank();
            } else {
                assertThat(notesByIdentifier.get(noteId)).as("note %s stored once", noteId).isEqualTo(1);
            }
        }
        long faults = sandbox.faults(ServiceSocle.MSSANTE).injectedCount() + sandbox.faults(ServiceSocle.EPARCOURS).injectedCount();
        assertThat(faults).as("faults were really injected").isGreaterThanOrEqualTo(10);
        System.out.printf("nothing-lost mixed: %d accepted (%d mails, %d notes), outcomes %s, %d faults injected "
                        + "(mssante %d, eparcours %d), %d distinct messages and %d distinct notes delivered%n",
                mails.size() + notes.size(), mails.size(), notes.size(), outcomes, faults,
                sandbox.faults(ServiceSocle.MSSANTE).injectedCount(), sandbox.faults(ServiceSocle.EPARCOURS).injectedCount(),
                mailsById.size(), notesByIdentifier.size());
    }

    private static List<OperationStatus> settle(DuiConnector connector, List<OperationReceipt> receipts, Map<OperationState, Integer> outcomes) {
        List<OperationStatus> statuses = new ArrayList<>();
        for (OperationReceipt receipt : receipts) {
            OperationStatus status = connector.operations().await(receipt.operationId(), Duration.ofSeconds(180));
            assertThat(status.state()).as("operation %s settled", receipt.operationId()).isNotEqualTo(OperationState.PENDING);
            outcomes.merge(status.state(), 1, Integer::sum);
            statuses.add(status);
        }
        return statuses;
    }
}
