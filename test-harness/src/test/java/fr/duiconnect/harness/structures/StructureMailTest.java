package fr.duiconnect.harness.structures;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureService;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.Sandbox;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MSSanté with several structures: each sends from its own application mailbox, authenticated with its own
 * certificate; the operator binds the envelope sender to the authenticated mailbox, so a structure configured with
 * another's mailbox but its own certificate is refused.
 */
class StructureMailTest {

    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static DuiConnector connector;
    static MssanteOperatorSimulator operator;

    static final String GLYCINES = "690000017";
    static final String GLYCINES_MAILBOX = "ehpad-glycines_auto@ehpad.mssante.fr";

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(dir, Set.of(ServiceSocle.MSSANTE), false);
        operator = sandbox.simulator(MssanteOperatorSimulator.class);
        operator.host(GLYCINES_MAILBOX, MailboxKind.APPLICATION, "EHPAD-GLYCINES-MSSANTE");
        // the inboxes are polled (the sandbox's default is off): a registry structure's too, without its client asking
        connector = DuiConnector.builder().config(sandbox.connectorConfigWith(Map.of("dui.mssante.option.poll.interval", "PT0.2S"))).build();
        connector.structures().put(mailStructure(GLYCINES, GLYCINES_MAILBOX));
    }

    @AfterAll
    static void stop() {
        connector.close();
        sandbox.close();
    }

    /** A structure whose MSSanté certificate is Glycines' (CN EHPAD-GLYCINES-MSSANTE) and whose mailbox is {@code mailbox}. */
    static StructureProfile mailStructure(String finess, String mailbox) {
        TestPki pki = sandbox.pki();
        String pass = pki.directory().resolve("pki.pass").toString();
        var auth = pki.issueOrgAuthClient("mss-auth-" + finess + ".p12", "EHPAD-GLYCINES-MSSANTE", finess);
        var smime = pki.issueSmime("mss-smime-" + finess + ".p12", mailbox);
        return StructureProfile.builder(Finess.of(finess), "EHPAD " + finess)
                .service(ServiceSocle.MSSANTE, new StructureService(auth.keyStore(), null, Map.of(
                        "mailbox", mailbox, "mailbox.kind", "application", "mailbox.unit", "EHPAD " + finess,
                        "reply-to", MssanteOperatorSimulator.ORG_MAILBOX,
                        "smime.keystore", smime.keyStore().path().toString(), "smime.keystore.password.file", pass,
                        "smime.keystore.alias", TestPki.KEY_ALIAS)))
                .build();
    }

    static MssanteMessage note() {
        return MssanteMessage.builder().to(MssanteOperatorSimulator.HOSPITAL_DOCTOR)
                .person(PersonIdentity.provisional("IPP-7", new IdentityTraits("DURAND", List.of("Marie"), null, null, Sex.F,
                        LocalDate.of(1940, 2, 1), null)))
                .label("Nouvelles de Mme Durand").body("Bonjour,\r\nrésidente stable.").build();
    }

    private static OperationStatus sent(String finess) {
        var receipt = connector.forStructure(finess).mssante().send(note());
        return connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(30));
    }

    @Test
    void eachStructureSendsFromItsOwnMailboxWithItsOwnCertificate() throws Exception {
        int before = operator.mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR).size();
        var receipt = connector.forStructure(GLYCINES).mssante().send(note());
        OperationStatus status = connector.operations().await(receipt.operationId(), Duration.ofSeconds(30));
        assertThat(status.state()).as(status.lastError()).isIn(OperationState.SENT, OperationState.ACKED);
        var received = operator.mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR);
        assertThat(received).hasSizeGreaterThan(before);
        assertThat(((InternetAddress) received.get(received.size() - 1).getFrom()[0]).getAddress()).isEqualTo(GLYCINES_MAILBOX);
    }

    @Test
    void aRegistryStructuresInboxIsPolledWithoutItsClientAskingAndTheAcknowledgementIsAuditedForTheStructure() {
        var receipt = connector.forStructure(GLYCINES).mssante().send(note());
        OperationStatus status = connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(30));
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);   // the operator's DSN, read from Glycines' inbox
        assertThat(connector.audit().query(new AuditQuery(null, null, null, GLYCINES)))
                .anyMatch(event -> event.action().equals("mssante.send.ack") && receipt.operationId().equals(event.operationId()));
    }

    @Test
    void aStructureUsingAnotherStructuresMailboxIsRefusedByTheOperator() {
        connector.structures().put(mailStructure("130000011", MssanteOperatorSimulator.APP_MAILBOX));
        OperationStatus status = sent("130000011");
        assertThat(status.state()).isEqualTo(OperationState.FAILED);
        assertThat(status.lastError()).containsAnyOf("MSS-AUTH", "535");
    }
}
