package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpClient;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpPatientStatus;
import fr.duiconnect.core.dmp.DmpSearch;
import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.RetrievedDocument;
import fr.duiconnect.core.dmp.Visibility;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Feeding and reading the simulated DMP end to end: TD0.2, ITI-41 (+RPLC), ITI-18, ITI-43, ITI-57. */
class DmpExchangeTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.DMP);

    static DmpClient dmp;
    static DmpSimulator simulator;
    static KitDlu dlu;
    static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDE coordinatrice");

    @BeforeAll
    static void client() {
        dmp = sandbox.connector().dmp();
        simulator = sandbox.sandbox().simulator(DmpSimulator.class);
        dlu = KitDlu.load(Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit"));
    }

    private static OperationStatus finalStatus(OperationReceipt receipt) {
        return sandbox.connector().operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
    }

    private static String deposited(KitDlu.Generated document, PersonIdentity person) {
        OperationStatus status = finalStatus(dmp.deposit(DmpDeposit.of(document.cda(), person, RECORDED)));
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
        return status.remoteReference();
    }

    @Test
    void td02SaysWhetherTheDmpExistsAndIsOpen() {
        assertThat(dmp.testExistence(KitDlu.KIT_PATIENT).state()).isEqualTo(DmpPatientStatus.DmpState.OPEN);
        PersonIdentity without = DmpPersonas.personWithoutDmp();
        assertThat(dmp.testExistence(without).state()).isEqualTo(DmpPatientStatus.DmpState.ABSENT);
        PersonIdentity closed = KitDlu.qualified(DmpPersonas.CLOSED_DMP.number(), "FERME", "LUCIE", Sex.F, LocalDate.of(1979, 3, 28));
        DmpPatientStatus status = dmp.testExistence(closed);
        assertThat(status.state()).isEqualTo(DmpPatientStatus.DmpState.CLOSED);
        assertThat(status.closedOn()).isEqualTo(DmpPersonas.CLOSED_ON);
    }

    @Test
    void aDepositedDluIsFoundAndRetrievedByteForByte() {
        KitDlu.Generated document = dlu.forStructure(Sandbox.TEST_FINESS);
        assertThat(deposited(document, KitDlu.KIT_PATIENT)).isEqualTo(document.uniqueId());
        DmpDocumentEntry entry = dmp.search(DmpSearch.approvedDocumentsOf(KitDlu.KIT_PATIENT)).stream()
                .filter(e -> e.uniqueId().equals(document.uniqueId())).findFirst().orElseThrow();
        assertThat(entry.typeCode().code()).isEqualTo("74207-2");
        assertThat(entry.classCode().code()).isEqualTo("11");
        assertThat(entry.authorInstitution()).isEqualTo(Sandbox.TEST_FINESS);
        RetrievedDocument retrieved = dmp.retrieve(KitDlu.KIT_PATIENT, document.uniqueId());
        assertThat(retrieved.content()).isEqualTo(document.cda());
    }

    @Test
    void aReplacementDeprecatesThePreviousVersion() {
        KitDlu.Generated first = dlu.forStructure(Sandbox.TEST_FINESS);
        deposited(first, KitDlu.KIT_PATIENT);
        KitDlu.Generated second = dlu.forPerson(Sandbox.TEST_FINESS, KitDlu.KIT_PATIENT.ins(), first.uniqueId());
        OperationStatus status = finalStatus(dmp.replace(DmpDeposit.of(second.cda(), KitDlu.KIT_PATIENT, RECORDED), first.uniqueId()));
        assertThat(status.state()).as(status.lastError()).isEqualTo(OperationState.ACKED);
        var all = dmp.search(DmpSearch.approvedDocumentsOf(KitDlu.KIT_PATIENT).withStatuses(EnumSet.allOf(DocumentAvailability.class)));
        assertThat(all).filteredOn(e -> e.uniqueId().equals(first.uniqueId())).singleElement()
                .extracting(DmpDocumentEntry::status).isEqualTo(DocumentAvailability.DEPRECATED);
        assertThat(all).filteredOn(e -> e.uniqueId().equals(second.uniqueId())).singleElement()
                .extracting(DmpDocumentEntry::status).isEqualTo(DocumentAvailability.APPROVED);
    }

    @Test
    void iti57DeletesAndHidesADocument() {
        KitDlu.Generated document = dlu.forStructure(Sandbox.TEST_FINESS);
        deposited(document, KitDlu.KIT_PATIENT);
        OperationStatus hidden = finalStatus(dmp.changeVisibility(KitDlu.KIT_PATIENT, document.uniqueId(), Set.of(Visibility.MASQUE_PS)));
        assertThat(hidden.state()).as(hidden.lastError()).isEqualTo(OperationState.ACKED);
        DmpDocumentEntry entry = dmp.search(DmpSearch.approvedDocumentsOf(KitDlu.KIT_PATIENT)).stream()
                .filter(e -> e.uniqueId().equals(document.uniqueId())).findFirst().orElseThrow();
        assertThat(entry.confidentialityCodes()).extracting(c -> c.code()).contains("N", "MASQUE_PS");
        OperationStatus deleted = finalStatus(dmp.changeStatus(KitDlu.KIT_PATIENT, document.uniqueId(), DocumentAvailability.DELETED));
        assertThat(deleted.state()).as(deleted.lastError()).isEqualTo(OperationState.ACKED);
        assertThat(dmp.search(DmpSearch.approvedDocumentsOf(KitDlu.KIT_PATIENT))).noneMatch(e -> e.uniqueId().equals(document.uniqueId()));
    }

    @Test
    void aDepositForAPersonWithoutDmpFailsWithDmpAbsent() {
        PersonIdentity without = DmpPersonas.personWithoutDmp();
        KitDlu.Generated document = dlu.forPerson(Sandbox.TEST_FINESS, without.ins(), null);
        OperationStatus status = finalStatus(dmp.deposit(DmpDeposit.of(document.cda(), without, RECORDED)));
        assertThat(status.state()).isEqualTo(OperationState.FAILED);
        assertThat(status.lastErrorCode()).isEqualTo("DMP-ABSENT");
    }

    @Test
    void withoutRecordedNonOppositionNothingIsJournaled() {
        KitDlu.Generated document = dlu.forStructure(Sandbox.TEST_FINESS);
        assertThatThrownBy(() -> dmp.deposit(DmpDeposit.of(document.cda(), KitDlu.KIT_PATIENT, null)))
                .isInstanceOf(DuiConnectException.class).extracting(e -> ((DuiConnectException) e).code()).isEqualTo("DMP-NON-OPPOSITION");
        assertThatThrownBy(() -> dmp.deposit(DmpDeposit.of(document.cda(), KitDlu.KIT_PATIENT, NonOpposition.opposition(Instant.now(), "accueil"))))
                .extracting(e -> ((DuiConnectException) e).code()).isEqualTo("DMP-NON-OPPOSITION");
    }

    @Test
    void aCdaAboutAnotherPersonIsRefusedBeforeJournaling() {
        PersonIdentity other = KitDlu.qualified("1850575111223", "AUTRE", "PAUL", Sex.M, LocalDate.of(1985, 5, 1));
        KitDlu.Generated document = dlu.forStructure(Sandbox.TEST_FINESS);
        assertThatThrownBy(() -> dmp.deposit(DmpDeposit.of(document.cda(), other, RECORDED)))
                .extracting(e -> ((DuiConnectException) e).code()).isEqualTo("DMP-INS-MISMATCH");
    }

    @Test
    void anotherStructuresDocumentIsRefusedLocallyEx21_1140() {
        KitDlu.Generated document = dlu.forStructure("750000028");
        assertThatThrownBy(() -> dmp.deposit(DmpDeposit.of(document.cda(), KitDlu.KIT_PATIENT, RECORDED)))
                .extracting(e -> ((DuiConnectException) e).code()).isEqualTo("DMP-AUTHOR-INSTITUTION");
    }
}
