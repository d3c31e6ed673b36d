package fr.duiconnect.harness.structures;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.structure.StructureErrorCode;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureRefusedException;
import fr.duiconnect.core.structure.StructureService;
import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.harness.eprescription.EPrescriptionSimulator;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One connector, several structures, FHIR services: a note is written to the coordination platform, and a
 * prescription read from the prescription service, with the token (and TLS client certificate, where it has one) of the
 * structure it is for; the platforms check that the token, the certificate and the note's organization name one
 * structure. A structure disabled, or without the service, is refused before anything is journaled.
 */
class StructureFhirIdentityTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.EPARCOURS, ServiceSocle.EPRESCRIPTION);

    static final String TILLEULS = Sandbox.TEST_FINESS;
    static final String GLYCINES = "690000017";
    static final PersonIdentity RESIDENT = InsPersona.ALL.get(1).identity();
    static final String PRESCRIPTION = "10543744";

    static DuiConnector connector;
    static EParcoursSimulator platform;
    static EPrescriptionSimulator prescriptions;

    @BeforeAll
    static void secondStructureAddedWhileRunning() {
        connector = sandbox.connector();
        platform = sandbox.sandbox().simulator(EParcoursSimulator.class);
        prescriptions = sandbox.sandbox().simulator(EPrescriptionSimulator.class);
        connector.structures().put(structure(GLYCINES, GLYCINES, null));
    }

    /**
     * A structure with e-parcours and e-prescription, authenticated by the tokens issued to {@code tokensOf} (its own, or
     * another's to impersonate it), and by a TLS client certificate issued to {@code certificateOf} if not null.
     */
    static StructureProfile structure(String finess, String tokensOf, String certificateOf) {
        var certificate = certificateOf == null ? null : sandbox.sandbox().pki()
                .issueOrgAuthClient("fhir-auth-" + finess + "-" + certificateOf + ".p12", "EHPAD-" + certificateOf, certificateOf).keyStore();
        return StructureProfile.builder(Finess.of(finess), "EHPAD " + finess)
                .service(ServiceSocle.EPARCOURS, new StructureService(certificate, null, Map.of(
                        "token.file", platform.issueStructureToken(tokensOf).toString(), "structure.name", "EHPAD " + finess)))
                .service(ServiceSocle.EPRESCRIPTION, new StructureService(certificate, null, Map.of(
                        "token.file", prescriptions.issueStructureToken(tokensOf).toString())))
                .build();
    }

    private static OperationStatus posted(String finess) {
        var receipt = connector.forStructure(finess).eparcours().post(NoteDraft.of(RESIDENT, NoteType.OBS, "Nuit calme, pas de chute."));
        return connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
    }

    /** Every operation in the journal, whatever its state or structure. */
    private static int journaled() {
        return Arrays.stream(OperationState.values()).mapToInt(state -> connector.operations().list(state, 100_000).size()).sum();
    }

    private static int auditedFor(String finess) {
        return connector.audit().query(new AuditQuery(null, null, null, finess)).size();
    }

    @Test
    void aNoteIsWrittenWithItsStructuresTokenAndInItsStructuresName() {
        long glycines = platform.requestsFrom(GLYCINES);
        long tilleuls = platform.requestsFrom(TILLEULS);
        OperationStatus status = posted(GLYCINES);
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
        assertThat(platform.requestsFrom(GLYCINES)).isGreaterThan(glycines);
        assertThat(platform.requestsFrom(TILLEULS)).isEqualTo(tilleuls);
        DocumentReference note = platform.store().current(new IdType(status.remoteReference()).getIdPart()).orElseThrow();
        Organization author = (Organization) platform.store().actor(note.getAuthorFirstRep().getReference()).orElseThrow();
        assertThat(author.getIdentifier()).anyMatch(id -> id.getSystem().equals("https://finess.esante.gouv.fr") && id.getValue().equals(GLYCINES))
                .noneMatch(id -> id.getValue().equals(TILLEULS));
    }

    @Test
    void thePlatformRefusesANoteWrittenWithAnotherStructuresToken() {
        connector.structures().put(structure("130000011", GLYCINES, null));
        int notes = platform.store().noteCount();
        OperationStatus status = posted("130000011");
        assertThat(status.state()).isEqualTo(OperationState.FAILED);
        assertThat(status.lastError()).contains("n'est pas la structure du jeton");
        assertThat(platform.store().noteCount()).isEqualTo(notes);
    }

    @Test
    void thePlatformRefusesATlsCertificateOfAnotherStructureThanTheTokens() {
        connector.structures().put(structure("330000019", "330000019", GLYCINES));
        OperationStatus status = posted("330000019");
        assertThat(status.state()).isEqualTo(OperationState.FAILED);
        assertThat(status.lastError()).contains("du certificat TLS n'est pas la structure du jeton");
    }

    @Test
    void aStructuresOwnCertificateAndTokenAreAccepted() {
        connector.structures().put(structure("440000018", "440000018", "440000018"));
        OperationStatus status = posted("440000018");
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
        assertThat(connector.forStructure("440000018").eprescription().retrieve(PRESCRIPTION).number()).isEqualTo(PRESCRIPTION);
    }

    @Test
    void aPrescriptionIsReadWithItsStructuresToken() {
        long glycines = prescriptions.requestsFrom(GLYCINES);
        long tilleuls = prescriptions.requestsFrom(TILLEULS);
        assertThat(connector.forStructure(GLYCINES).eprescription().retrieve(PRESCRIPTION).number()).isEqualTo(PRESCRIPTION);
        assertThat(prescriptions.requestsFrom(GLYCINES)).isGreaterThan(glycines);
        assertThat(prescriptions.requestsFrom(TILLEULS)).isEqualTo(tilleuls);
    }

    @Test
    void thePrescriptionServiceRefusesATlsCertificateOfAnotherStructureThanTheTokens() {
        connector.structures().put(structure("590000015", "590000015", GLYCINES));
        assertThatThrownBy(() -> connector.forStructure("590000015").eprescription().retrieve(PRESCRIPTION))
                .isInstanceOf(DuiConnectException.class).hasMessageContaining("403");
    }

    @Test
    void aDisabledStructureIsRefusedWithATypedErrorBeforeAnythingIsJournaled() {
        String finess = "670000013";
        connector.structures().put(structure(finess, finess, null));
        var eparcours = connector.forStructure(finess).eparcours();   // a view held across the disabling
        var eprescription = connector.forStructure(finess).eprescription();
        connector.structures().disable(Finess.of(finess));
        int journal = journaled();
        assertThatThrownBy(() -> eparcours.post(NoteDraft.of(RESIDENT, NoteType.OBS, "Nuit calme.")))
                .isInstanceOfSatisfying(StructureRefusedException.class, e -> assertThat(e.errorCode()).isEqualTo(StructureErrorCode.DISABLED));
        assertThatThrownBy(() -> eprescription.retrieve(PRESCRIPTION))
                .isInstanceOfSatisfying(StructureRefusedException.class, e -> assertThat(e.errorCode()).isEqualTo(StructureErrorCode.DISABLED));
        assertThat(journaled()).isEqualTo(journal);
        assertThat(auditedFor(finess)).isZero();
    }

    @Test
    void aStructureWithoutTheServiceIsRefusedWithATypedErrorBeforeAnythingIsJournaled() {
        String finess = "750000028";
        connector.structures().put(StructureProfile.builder(Finess.of(finess), "SSIAD " + finess)
                .service(ServiceSocle.EPRESCRIPTION, new StructureService(null, null,
                        Map.of("token.file", prescriptions.issueStructureToken(finess).toString())))
                .build());
        int journal = journaled();
        assertThatThrownBy(() -> connector.forStructure(finess).eparcours().post(NoteDraft.of(RESIDENT, NoteType.OBS, "Nuit calme.")))
                .isInstanceOfSatisfying(StructureRefusedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StructureErrorCode.SERVICE_NOT_ENABLED));
        assertThat(journaled()).isEqualTo(journal);
        assertThat(auditedFor(finess)).isZero();
        assertThat(connector.forStructure(finess).eprescription().retrieve(PRESCRIPTION).number()).isEqualTo(PRESCRIPTION);
    }
}
