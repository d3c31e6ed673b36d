package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.mssante.MailDocument;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.dmp.SampleResident;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.insi.InsiSimulator;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.ins.rniv.HighTrustDocument;
import fr.duiconnect.ins.rniv.RnivStateMachine;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vendor's route, in the vendor's own Camel context, that talks to the services socles only through
 * {@code dui-connect:} endpoints: on a new resident admission, INS search → DLU written → deposited in the DMP →
 * mailed to the médecin traitant. Each simulator receives its part once.
 */
class AdmissionRouteTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.INS, ServiceSocle.DMP, ServiceSocle.MSSANTE);

    /** The resident arriving: a person the sandbox's simulators know, with a provisional identity in the DUI. */
    private static final InsPersona ARRIVING = InsPersona.ALL.get(1);

    /** The vendor's routes: what the DUI does on an admission event. */
    static RouteBuilder admission(DuiConnector connector) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:admission").routeId("vendor-admission")
                        .process(exchange -> exchange.getMessage().setBody(
                                InsSearchRequest.of(exchange.getMessage().getBody(PersonIdentity.class), Sandbox.TEST_FINESS)))
                        .to("dui-connect:ins/search")
                        .process(AdmissionRouteTest::qualifyAfterIdentityCardCheck)
                        .process(exchange -> exchange.getMessage().setBody(
                                SampleResident.forPerson(exchange.getProperty("resident", PersonIdentity.class))))
                        .to("dui-connect:dmp/write-dlu")
                        .setProperty("dlu", body())
                        .process(exchange -> exchange.getMessage().setBody(DmpDeposit.of(exchange.getProperty("dlu", GeneratedCda.class).xml(),
                                exchange.getProperty("resident", PersonIdentity.class), NonOpposition.recorded(Instant.now(), "IDEC"))))
                        .to("dui-connect:dmp/deposit?awaitState=ACKED&awaitTimeout=PT60S")
                        .setProperty("deposit", body())
                        .process(exchange -> exchange.getMessage().setBody(letterToTheTreatingGp(connector, exchange)))
                        .to("dui-connect:mssante/send?awaitState=SENT&awaitTimeout=PT30S");
            }
        };
    }

    /** The DUI's own step: INSi found the resident, the nurse checked the identity card (RNIV) — the INS is now qualified. */
    private static void qualifyAfterIdentityCardCheck(Exchange exchange) {
        InsSearchResult found = exchange.getMessage().getBody(InsSearchResult.class);
        if (!found.found()) {
            throw new IllegalStateException("INSi did not find the resident: " + found.guidance());
        }
        PersonIdentity arriving = exchange.getProperty("arriving", PersonIdentity.class);
        exchange.setProperty("resident", RnivStateMachine.afterDocumentCheck(
                RnivStateMachine.afterInsiMatch(arriving, found.ins()), HighTrustDocument.CN));
    }

    private static MssanteMessage letterToTheTreatingGp(DuiConnector connector, Exchange exchange) {
        byte[] dlu = exchange.getProperty("dlu", GeneratedCda.class).xml();
        return MssanteMessage.builder().to(MssanteOperatorSimulator.TREATING_GP)
                .person(exchange.getProperty("resident", PersonIdentity.class)).label("DOSSIER DE LIAISON D'URGENCE")
                .body("Bonjour Docteur,\r\nveuillez trouver ci-joint le DLU de votre patient, admis ce jour à l'EHPAD.")
                .document(MailDocument.of(dlu, connector.dmp().metadataOf(dlu))).build();
    }

    @Test
    void aNewResidentsAdmissionQualifiesTheInsDepositsTheDluAndMailsItToTheTreatingGpEachOnce(
            DuiConnector connector, InsiSimulator insi, DmpSimulator dmp, MssanteOperatorSimulator operator) throws Exception {
        long insiBefore = insi.requestCount();
        int mailsBefore = operator.mailbox(MssanteOperatorSimulator.TREATING_GP).size();
        PersonIdentity arriving = PersonIdentity.provisional(ARRIVING.localId(), ARRIVING.identity().traits());

        Exchange done;
        try (CamelContext vendor = new DefaultCamelContext()) {
            vendor.addComponent("dui-connect", new DuiConnectComponent(connector));
            vendor.addRoutes(admission(connector));
            vendor.start();
            done = vendor.createProducerTemplate().send("direct:admission", exchange -> {
                exchange.getMessage().setBody(arriving);
                exchange.setProperty("arriving", arriving);
            });
        }

        assertThat(done.getException()).isNull();
        GeneratedCda dlu = done.getProperty("dlu", GeneratedCda.class);
        OperationStatus deposit = done.getProperty("deposit", OperationStatus.class);
        OperationStatus mail = done.getMessage().getBody(OperationStatus.class);
        assertThat(deposit.state()).isEqualTo(OperationState.ACKED);
        assertThat(mail.state()).isIn(OperationState.SENT, OperationState.ACKED);
        assertThat(done.getProperty("resident", PersonIdentity.class).ins().matricule()).isEqualTo(ARRIVING.ins().matricule());

        assertThat(insi.requestCount() - insiBefore).as("INSi calls").isEqualTo(1);
        assertThat(dmp.storedByUniqueId()).as("the DLU stored in the DMP").containsEntry(dlu.uniqueId(), 1);
        List<MimeMessage> received = operator.mailbox(MssanteOperatorSimulator.TREATING_GP);
        assertThat(received).hasSize(mailsBefore + 1);
        assertThat(received.get(received.size() - 1).getMessageID()).isEqualTo(mail.remoteReference());
    }
}
