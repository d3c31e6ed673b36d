package fr.duiconnect.harness.structures;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpSearch;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.structure.StructureErrorCode;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureRefusedException;
import fr.duiconnect.core.structure.StructureService;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.dmp.KitDlu;
import fr.duiconnect.harness.insi.InsiSimulator;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One connector, several structures: each exchange carries the identity of the structure it is made for (DMP: TLS
 * certificate, VIHF Identifiant_Structure and its signer, authorInstitution; INSi: TLS certificate and Emetteur), which
 * the simulators check against each other; a structure disabled, or without the service, is refused before anything is
 * journaled.
 */
class StructureIdentityTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.DMP, ServiceSocle.INS);

    /** The sandbox's own structure (today's single-structure properties: the registry's implicit entry). */
    static final String TILLEULS = Sandbox.TEST_FINESS;
    /** A second EHPAD of another legal entity, whose DMP certificates are its FINESS juridique's. */
    static final String GLYCINES = "690000017";
    static final String GLYCINES_EJ = "690000009";
    static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDE coordinatrice");
    static final InsSearchRequest ADRUN = InsSearchRequest.of(new PersonIdentity("IPP-1", new IdentityTraits("ADRUN", List.of("ZOE"),
            null, null, Sex.F, LocalDate.of(1975, 12, 31), "63220"), null, IdentityStatus.PROV, Set.of()), null);

    static DuiConnector connector;
    static KitDlu dlu;
    static StructureProfile glycines;
    static TestPki pki;

    @BeforeAll
    static void secondStructureAddedWhileRunning() {
        connector = sandbox.connector();
        pki = sandbox.sandbox().pki();
        dlu = KitDlu.load(Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit"));
        glycines = structure(GLYCINES, GLYCINES_EJ, GLYCINES);
        connector.structures().put(glycines);
    }

    /** A structure with DMP and INSi certificates issued to {@code certificatesOf} (its own, or another's to impersonate). */
    static StructureProfile structure(String finess, String juridique, String certificatesOf) {
        List<IssuedCertificate> dmp = sandbox.sandbox().simulator(DmpSimulator.class)
                .issueStructureCertificates(pki, certificatesOf, certificatesOf.equals(finess) ? juridique : null);
        IssuedCertificate insi = sandbox.sandbox().simulator(InsiSimulator.class).issueStructureCertificate(pki, certificatesOf);
        return StructureProfile.builder(Finess.of(finess), "EHPAD " + finess).finessJuridique(juridique == null ? null : Finess.of(juridique))
                .category("500")
                .service(ServiceSocle.DMP, new StructureService(dmp.get(0).keyStore(), dmp.get(1).keyStore(),
                        Map.of("vihf.name-id", "810001234565")))
                .service(ServiceSocle.INS, StructureService.of(insi.keyStore(), null))
                .build();
    }

    private static OperationStatus settled(fr.duiconnect.core.operation.OperationReceipt receipt) {
        return connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
    }

    private static int journaledFor(String finess) {
        return connector.audit().query(new AuditQuery(null, null, null, finess)).size();
    }

    @Test
    void eachStructureDepositsWithItsOwnCertificatesAndIsTheDocumentsAuthorInstitution() {
        for (String finess : List.of(TILLEULS, GLYCINES)) {
            KitDlu.Generated document = dlu.forStructure(finess);
            OperationStatus status = settled(connector.forStructure(finess).dmp().deposit(DmpDeposit.of(document.cda(), KitDlu.KIT_PATIENT, RECORDED)));
            assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
            DmpDocumentEntry entry = connector.forStructure(finess).dmp().search(DmpSearch.approvedDocumentsOf(KitDlu.KIT_PATIENT)).stream()
                    .filter(e -> e.uniqueId().equals(document.uniqueId())).findFirst().orElseThrow();
            assertThat(entry.authorInstitution()).isEqualTo(finess);
        }
    }

    @Test
    void aStructureCannotDepositADocumentAuthoredByAnotherBeforeAnythingIsJournaled() {
        int before = journaledFor(GLYCINES);
        KitDlu.Generated tilleuls = dlu.forStructure(TILLEULS);
        assertThatThrownBy(() -> connector.forStructure(GLYCINES).dmp().deposit(DmpDeposit.of(tilleuls.cda(), KitDlu.KIT_PATIENT, RECORDED)))
                .isInstanceOf(DuiConnectException.class).hasMessageContaining("DMP-AUTHOR-INSTITUTION");
        assertThat(journaledFor(GLYCINES)).isEqualTo(before);
    }

    @Test
    void theDmpRefusesAStructureAuthenticatedWithAnotherStructuresCertificates() {
        connector.structures().put(structure("130000011", null, GLYCINES));
        try {
            assertThatThrownBy(() -> connector.forStructure("130000011").dmp().testExistence(KitDlu.KIT_PATIENT))
                    .isInstanceOf(DuiConnectException.class).hasMessageContaining("n'est pas la structure du VIHF");
        } finally {
            connector.structures().disable(Finess.of("130000011"));
        }
    }

    @Test
    void aRotatedCertificateIsUsedFromTheNextExchangeWithoutRestart() {
        String finess = "330000019";
        connector.structures().put(structure(finess, null, finess));
        var dmp = connector.forStructure(finess).dmp();   // a view held across the rotations
        assertThat(dmp.testExistence(KitDlu.KIT_PATIENT).state()).isNotNull();
        connector.structures().put(structure(finess, null, GLYCINES));       // a wrong certificate: refused by the DMP
        assertThatThrownBy(() -> dmp.testExistence(KitDlu.KIT_PATIENT)).hasMessageContaining("n'est pas la structure du VIHF");
        connector.structures().put(structure(finess, null, finess));         // its own again
        assertThat(dmp.testExistence(KitDlu.KIT_PATIENT).state()).isNotNull();
    }

    @Test
    void aDisabledStructureIsRefusedWithATypedErrorBeforeAnythingIsJournaled() {
        String finess = "440000018";
        connector.structures().put(structure(finess, null, finess));
        var dmp = connector.forStructure(finess).dmp();
        connector.structures().disable(Finess.of(finess));
        int before = journaledFor(finess);
        assertThatThrownBy(() -> dmp.deposit(DmpDeposit.of(dlu.forStructure(finess).cda(), KitDlu.KIT_PATIENT, RECORDED)))
                .isInstanceOfSatisfying(StructureRefusedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StructureErrorCode.DISABLED));
        assertThatThrownBy(() -> connector.forStructure(finess).ins().search(ADRUN))
                .isInstanceOfSatisfying(StructureRefusedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StructureErrorCode.DISABLED));
        assertThat(journaledFor(finess)).isEqualTo(before);
    }

    @Test
    void aStructureWithoutTheServiceIsRefusedWithATypedError() {
        String finess = "590000015";
        connector.structures().put(StructureProfile.builder(Finess.of(finess), "SSIAD " + finess)
                .service(ServiceSocle.INS, StructureService.of(
                        sandbox.sandbox().simulator(InsiSimulator.class).issueStructureCertificate(pki, finess).keyStore(), null)).build());
        assertThatThrownBy(() -> connector.forStructure(finess).dmp())
                .isInstanceOfSatisfying(StructureRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("STRUCTURE-SERVICE-NOT-ENABLED"));
        assertThat(connector.forStructure(finess).ins().search(ADRUN).found()).isTrue();
    }

    @Test
    void anUnknownStructureIsRefused() {
        assertThatThrownBy(() -> connector.forStructure("010000016"))
                .isInstanceOfSatisfying(StructureRefusedException.class, e -> assertThat(e.code()).isEqualTo("STRUCTURE-UNKNOWN"));
    }

    @Test
    void insiSearchesCarryTheStructuresCertificateAndEmitter() {
        assertThat(connector.forStructure(GLYCINES).ins().search(ADRUN).found()).isTrue();
        assertThat(connector.forStructure(TILLEULS).ins().search(ADRUN).found()).isTrue();
        assertThat(connector.audit().query(new AuditQuery(null, null, null, GLYCINES)))
                .anyMatch(event -> event.action().equals("ins.search"));
    }

    @Test
    void insiRefusesAnEmitterThatIsNotTheCertificatesStructure() {
        connector.structures().put(structure("670000013", null, GLYCINES));
        assertThatThrownBy(() -> connector.forStructure("670000013").ins().search(ADRUN))
                .isInstanceOf(DuiConnectException.class).hasMessageContaining("INS-INSI-ACCESS").hasMessageContaining("n'est pas la structure du certificat");
    }

    @Test
    void aStructuresInsClientRefusesARequestNamingAnotherStructure() {
        assertThatThrownBy(() -> connector.forStructure(GLYCINES).ins().search(InsSearchRequest.of(ADRUN.person(), TILLEULS)))
                .isInstanceOfSatisfying(StructureRefusedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StructureErrorCode.IDENTITY_MISMATCH));
    }
}
