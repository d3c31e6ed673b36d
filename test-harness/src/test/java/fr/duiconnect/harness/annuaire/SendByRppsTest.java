package fr.duiconnect.harness.annuaire;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.directory.Recipient;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.annuaire.DirectoryStore.SimProfessional;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A DUI writes to the médecin traitant by RPPS: the directory gives the personal mailbox, the operator delivers to it. */
class SendByRppsTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.ANNUAIRE, ServiceSocle.MSSANTE);

    private static MssanteMessage.Builder note() {
        return MssanteMessage.builder().person(PersonIdentity.provisional("IPP-18", new IdentityTraits("DURAND", List.of("Marie"),
                null, null, Sex.F, LocalDate.of(1940, 2, 1), null))).label("Nouvelles de Mme Durand").body("Résidente stable.");
    }

    @Test
    void aMessageToAnRppsIsDeliveredToThePersonalMailboxTheDirectoryPublishes() {
        DuiConnector connector = sandbox.connector();
        MssanteOperatorSimulator operator = sandbox.sandbox().simulator(MssanteOperatorSimulator.class);
        SimProfessional doctor = sandbox.sandbox().simulator(AnnuaireSimulator.class).store().professionals().stream()
                .filter(p -> p.active() && p.perMailbox() != null).findFirst().orElseThrow();
        operator.directory().trustDomain("medecin.mssante.fr");
        operator.host(doctor.perMailbox(), MailboxKind.PERSONAL, null);

        OperationReceipt receipt = connector.mssante().send(note().to(Recipient.byRpps(doctor.rpps()), connector.directory()).build());
        OperationStatus status = connector.operations().await(receipt.operationId(), Duration.ofSeconds(30));

        assertThat(status.state()).as(status.toString()).isIn(OperationState.SENT, OperationState.ACKED);
        assertThat(operator.mailbox(doctor.perMailbox())).isNotEmpty();
    }

    @Test
    void aProfessionalWithOnlyACabinetMailboxIsRefusedBeforeAnythingIsJournaled() {
        DuiConnector connector = sandbox.connector();
        SimProfessional cabinetOnly = sandbox.sandbox().simulator(AnnuaireSimulator.class).store().professionals().stream()
                .filter(p -> p.perMailbox() == null && p.cabMailbox() != null).findFirst().orElseThrow();
        assertThatThrownBy(() -> note().to(Recipient.byRpps(cabinetOnly.rpps()), connector.directory()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("to.rpps")
                .hasMessageContaining("CAB " + cabinetOnly.cabMailbox());
    }
}
