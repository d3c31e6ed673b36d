package fr.duiconnect.harness.eparcours;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eparcours.CareTeam;
import fr.duiconnect.core.eparcours.EParcoursClient;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteRef;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.eparcours.NoteVisibility;
import fr.duiconnect.core.eparcours.PullResult;
import fr.duiconnect.core.eparcours.ReceivedNote;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cahier de liaison exchanged both ways with the simulated coordination platform. */
class EParcoursExchangeTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.EPARCOURS);

    static EParcoursClient client;
    static EParcoursSimulator platform;
    static final Professional NURSE_OF_THE_EHPAD = new Professional(ProfessionalIdKind.RPPS, "10000000009", "MARTIN", "CLAIRE",
            Code.of("60", "1.2.250.1.213.1.1.4.5", "Infirmier"), null);

    @BeforeAll
    static void client() {
        client = sandbox.connector().eparcours();
        platform = sandbox.sandbox().simulator(EParcoursSimulator.class);
    }

    private static NoteRef delivered(OperationReceipt receipt) {
        OperationStatus status = sandbox.connector().operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
        return NoteRef.parse(status.remoteReference());
    }

    @Test
    void aNoteWhoseCreationAnswerWasLostIsStoredOnce() {
        InsPersona resident = InsPersona.ALL.get(3);
        long lostBefore = platform.lostAnswers();
        platform.loseCreationAnswers(1);   // stored by the platform, the answer cut: the retry must not post it again
        OperationReceipt receipt = client.post(NoteDraft.of(resident.identity(), NoteType.OBS, "Réponse perdue, note gardée une fois."));
        NoteRef ref = delivered(receipt);
        assertThat(platform.lostAnswers() - lostBefore).isEqualTo(1);
        assertThat(platform.store().aboutPerson(resident.matricule()))
                .filteredOn(note -> receipt.idempotencyKey().equals(note.getMasterIdentifier().getValue()))
                .singleElement().satisfies(note -> assertThat(note.getIdElement().getIdPart()).isEqualTo(ref.id()));
        assertThat(sandbox.connector().operations().status(receipt.operationId()).attempts()).isEqualTo(2);
    }

    @Test
    void aPostedNoteIsStoredAsACdlDocumentReference() {
        PersonIdentity person = InsPersona.ALL.get(1).identity();
        NoteRef ref = delivered(client.post(NoteDraft.of(person, NoteType.OBS, "Chute sans gravité ce matin, surveillance.")
                .markedUrgent().withVisibility(NoteVisibility.INVISIBLE_PATIENT).by(NURSE_OF_THE_EHPAD)));
        DocumentReference stored = platform.store().current(ref.id()).orElseThrow();
        assertThat(ref.version()).isEqualTo("1");
        assertThat(stored.getType().getCodingFirstRep().getCode()).isEqualTo("OBS");
        assertThat(stored.getSecurityLabelFirstRep().getCodingFirstRep().getCode()).isEqualTo("INVISIBLE_PATIENT");
        assertThat(stored.getAuthorFirstRep().getReference()).startsWith("PractitionerRole/");
        assertThat(new String(stored.getContentFirstRep().getAttachment().getData())).contains("Chute");
    }

    @Test
    void aRequestForAnOpinionIsAnsweredByTheNurseAndPulledAsAReply() {
        PersonIdentity person = InsPersona.ALL.get(2).identity();
        NoteRef asked = delivered(client.post(NoteDraft.of(person, NoteType.DEM_AVIS, "Plaie au talon : avis infirmier ?")));
        PullResult pulled = client.pull(person);
        assertThat(pulled.notes()).anySatisfy(note -> {
            assertThat(note.replyTo()).isNotNull();
            assertThat(note.replyTo().id()).isEqualTo(asked.id());
            assertThat(note.authorRole()).isEqualTo("Infirmier");
            assertThat(note.authorName()).contains("BROOKS");
        });
        assertThat(pulled.notes()).noneSatisfy(note -> assertThat(note.ref().id()).isEqualTo(asked.id()));
    }

    @Test
    void aReplyFromTheDuiAppendsToTheNursesNote() {
        InsPersona persona = InsPersona.ALL.get(3);
        DocumentReference nurseNote = platform.nurse().writes(persona, "INST", "Pansement à refaire tous les deux jours.");
        NoteRef reply = delivered(client.reply(new NoteRef(nurseNote.getIdElement().getIdPart(), "1"),
                NoteDraft.of(persona.identity(), NoteType.INTERV, "Pansement refait ce jour.")));
        DocumentReference stored = platform.store().current(reply.id()).orElseThrow();
        assertThat(stored.getRelatesToFirstRep().getCode()).isEqualTo(DocumentReference.DocumentRelationshipType.APPENDS);
        assertThat(stored.getRelatesToFirstRep().getTarget().getReference()).isEqualTo("DocumentReference/" + nurseNote.getIdElement().getIdPart());
    }

    @Test
    void pullIsIncrementalAndSurvivesARestartWithoutLosingOrRepeatingNotes() {
        InsPersona persona = InsPersona.ALL.get(0);
        PersonIdentity person = persona.identity();
        client.pull(person);
        platform.nurse().writes(persona, "OBS", "Bonne nuit, a bien mangé.");
        platform.nurse().writes(persona, "GEN", "Famille prévenue du rendez-vous.");
        assertThat(client.pull(person).notes()).extracting(ReceivedNote::text)
                .containsExactlyInAnyOrder("Bonne nuit, a bien mangé.", "Famille prévenue du rendez-vous.");
        assertThat(client.pull(person).notes()).isEmpty();
        platform.nurse().writes(persona, "OBS", "Tension 13/8.");
        try (DuiConnector restarted = sandbox.newConnector()) {
            assertThat(restarted.eparcours().pull(person).notes()).extracting(ReceivedNote::text).containsExactly("Tension 13/8.");
        }
        assertThat(client.pull(person).notes()).isEmpty();
    }

    @Test
    void anUpdateAtAStaleVersionIsAConflictAndOwnNotesCanBeWithdrawn() {
        PersonIdentity person = InsPersona.ALL.get(1).identity();
        NoteRef v1 = delivered(client.post(NoteDraft.of(person, NoteType.GEN, "Visite du médecin prévue jeudi.")));
        NoteRef v2 = client.update(v1, "Visite du médecin prévue vendredi.");
        assertThat(v2.version()).isEqualTo("2");
        assertThatThrownBy(() -> client.update(v1, "Visite lundi."))
                .isInstanceOf(DuiConnectException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).code()).isEqualTo("EPARCOURS-CONFLICT"));
        assertThat(new String(platform.store().current(v1.id()).orElseThrow().getContentFirstRep().getAttachment().getData()))
                .contains("vendredi");
        NoteRef v3 = client.withdraw(v2);
        assertThat(platform.store().current(v3.id()).orElseThrow().getStatus())
                .isEqualTo(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.ENTEREDINERROR);
    }

    @Test
    void anotherParticipantsNoteCannotBeUpdated() {
        InsPersona persona = InsPersona.ALL.get(2);
        DocumentReference nurseNote = platform.nurse().writes(persona, "OBS", "RAS.");
        assertThatThrownBy(() -> client.update(new NoteRef(nurseNote.getIdElement().getIdPart(), "1"), "modifié"))
                .isInstanceOf(DuiConnectException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).code()).isEqualTo("EPARCOURS-NOT-OWN-NOTE"));
    }

    @Test
    void aReceivedNoteBreakingTheProfileIsRefusedWithItsIssues() {
        InsPersona persona = InsPersona.ALL.get(3);
        PersonIdentity person = persona.identity();
        client.pull(person);
        DocumentReference bad = platform.nurse().writes(persona, "OBS", "note avec docStatus");
        bad.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        platform.store().update(bad.getIdElement().getIdPart(), bad);
        PullResult result = client.pull(person);
        assertThat(result.notes()).isEmpty();
        assertThat(result.refused()).hasSize(1);
        assertThat(result.refused().values().iterator().next()).anySatisfy(issue -> assertThat(issue.message()).contains("docStatus"));
    }

    @Test
    void aReceivedNoteOfSeveralMegabytesIsRefusedNotImported() {
        InsPersona persona = InsPersona.ALL.get(2);
        PersonIdentity person = persona.identity();
        client.pull(person);
        platform.nurse().writes(persona, "OBS", "x".repeat(2_000_000));
        PullResult result = client.pull(person);
        assertThat(result.notes()).isEmpty();
        assertThat(result.refused().values().iterator().next())
                .anySatisfy(issue -> assertThat(issue.message()).contains("at most 1048576 are imported"));
    }

    @Test
    void onlyAQualifiedIdentityCarriesItsInsToThePlatform() {
        PersonIdentity qualified = InsPersona.ALL.get(1).identity();
        PersonIdentity provisional = PersonIdentity.provisional("R-0099", qualified.traits());
        assertThatThrownBy(() -> client.post(NoteDraft.of(provisional, NoteType.OBS, "x")))
                .isInstanceOf(IdentityRefusedException.class);
    }

    @Test
    void aSubscriptionPingsTheDuiWhichThenPullsTheNewNote() throws Exception {
        InsPersona persona = InsPersona.ALL.get(0);
        java.util.concurrent.CountDownLatch pinged = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/cdl-ping", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            pinged.countDown();
        });
        receiver.start();
        try {
            String id = client.subscribe(persona.identity(),
                    java.net.URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cdl-ping"));
            assertThat(id).isNotBlank();
            client.pull(persona.identity());
            platform.nurse().writes(persona, "INTERV", "Toilette faite, peau intacte.");
            assertThat(pinged.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(client.pull(persona.identity()).notes()).extracting(ReceivedNote::text).contains("Toilette faite, peau intacte.");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theCareTeamNamesTheHomeCareNurse() {
        CareTeam team = client.careTeam(InsPersona.ALL.get(1).identity());
        assertThat(team.members()).anySatisfy(member -> {
            assertThat(member.name()).contains("BROOKS");
            assertThat(member.role()).isEqualTo("Infirmier");
        });
    }
}
