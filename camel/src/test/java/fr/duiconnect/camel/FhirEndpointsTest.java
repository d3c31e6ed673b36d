package fr.duiconnect.camel;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteRef;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.eparcours.ReceivedNote;
import fr.duiconnect.core.eprescription.ImportOutcome;
import fr.duiconnect.core.eprescription.PrescriptionImport;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR services through {@code dui-connect:}: an e-prescription imported (once), and a cahier de liaison
 * conversation — the DUI asks for an opinion, the nurse's answer arrives through {@code eparcours/notes}, the DUI
 * replies to it.
 */
class FhirEndpointsTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.EPRESCRIPTION, ServiceSocle.EPARCOURS);

    static final InsPersona RESIDENT = InsPersona.ALL.get(2);
    static final BlockingQueue<Exchange> NOTES = new LinkedBlockingQueue<>();
    static CamelContext vendor;
    static ProducerTemplate template;

    @BeforeAll
    static void vendorRoutes() throws Exception {
        vendor = new DefaultCamelContext();
        vendor.addComponent("dui-connect", new DuiConnectComponent(sandbox.connector()));
        vendor.getRegistry().bind("residents", (PersonsToFollow) () -> List.of(RESIDENT.identity()));
        vendor.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dui-connect:eparcours/notes?followed=#residents&delay=200").routeId("vendor-notes").process(NOTES::add);
            }
        });
        vendor.start();
        template = vendor.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        vendor.close();
    }

    @Test
    void aPrescriptionIsImportedForThePersonOfTheHeaderThenRecognisedWhenImportedAgain() {
        InsPersona persona = InsPersona.ALL.get(1);
        PrescriptionImport first = template.requestBodyAndHeader("dui-connect:eprescription/import", "SIM7000002",
                DuiConnectConstants.PERSON, persona.identity(), PrescriptionImport.class);
        PrescriptionImport again = template.requestBodyAndHeader("dui-connect:eprescription/import", "SIM7000002",
                DuiConnectConstants.PERSON, persona.identity(), PrescriptionImport.class);

        assertThat(first.outcome()).isEqualTo(ImportOutcome.IMPORTED);
        assertThat(first.prescription().lines()).isNotEmpty();
        assertThat(again.outcome()).isEqualTo(ImportOutcome.ALREADY_IMPORTED);
    }

    @Test
    void anImportWithoutThePersonIsRefusedNamingTheHeader() {
        Exchange refused = template.send("dui-connect:eprescription/import", exchange -> exchange.getMessage().setBody("SIM7000002"));

        assertThat(refused.getException()).isExactlyInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refused.getException()).field()).contains(DuiConnectConstants.PERSON);
    }

    @Test
    void theNursesAnswerToARequestForAnOpinionArrivesThroughTheNotesConsumerAndTheDuiRepliesToIt(EParcoursSimulator platform)
            throws Exception {
        PersonIdentity person = RESIDENT.identity();
        OperationStatus asked = template.requestBody("dui-connect:eparcours/post?awaitState=ACKED&awaitTimeout=PT60S",
                NoteDraft.of(person, NoteType.DEM_AVIS, "Plaie au talon : avis infirmier ?"), OperationStatus.class);
        assertThat(asked.state()).isEqualTo(OperationState.ACKED);
        NoteRef question = NoteRef.parse(asked.remoteReference());

        Exchange arrived;
        do {
            arrived = NOTES.poll(60, TimeUnit.SECONDS);
            assertThat(arrived).as("the nurse's answer").isNotNull();
        } while (arrived.getMessage().getBody(ReceivedNote.class).replyTo() == null);
        ReceivedNote answer = arrived.getMessage().getBody(ReceivedNote.class);
        assertThat(answer.replyTo().id()).isEqualTo(question.id());
        assertThat(arrived.getMessage().getHeader(DuiConnectConstants.PERSON, PersonIdentity.class)).isEqualTo(person);

        OperationStatus replied = template.requestBodyAndHeader("dui-connect:eparcours/reply?awaitState=ACKED&awaitTimeout=PT60S",
                NoteDraft.of(person, NoteType.INTERV, "Pansement refait ce jour."), DuiConnectConstants.PARENT_NOTE, answer.ref(),
                OperationStatus.class);
        DocumentReference stored = platform.store().current(NoteRef.parse(replied.remoteReference()).id()).orElseThrow();
        assertThat(stored.getRelatesToFirstRep().getTarget().getReference()).isEqualTo("DocumentReference/" + answer.ref().id());
    }
}
