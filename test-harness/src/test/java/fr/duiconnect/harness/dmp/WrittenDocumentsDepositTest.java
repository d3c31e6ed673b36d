package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpClient;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpSearch;
import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents written by the connector itself go through the DMP simulator's checks (VIHF, signed submission set,
 * metadata derived from the header, hash and size): the resident's DLU, its replacement, and a liaison letter.
 */
class WrittenDocumentsDepositTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.DMP);

    static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDE coordinatrice");

    private static OperationStatus deposited(OperationReceipt receipt) {
        OperationStatus status = sandbox.connector().operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
        assertThat(status.state()).as(status.lastErrorCode() + " " + status.lastError()).isEqualTo(OperationState.ACKED);
        return status;
    }

    @Test
    void theResidentsDluIsRegisteredWithClassCode11AndTheDluFormat(DmpSimulator simulator) {
        DmpClient dmp = sandbox.connector().dmp();
        ResidentRecord resident = SampleResident.load();
        GeneratedCda dlu = dmp.writeDlu(resident, null);
        deposited(dmp.deposit(DmpDeposit.of(dlu.xml(), resident.person(), RECORDED)));
        DmpDocumentEntry entry = dmp.search(DmpSearch.approvedDocumentsOf(resident.person())).stream()
                .filter(e -> e.uniqueId().equals(dlu.uniqueId())).findFirst().orElseThrow();
        assertThat(entry.typeCode().code()).isEqualTo("74207-2");
        assertThat(entry.classCode().code()).isEqualTo("11");
        assertThat(entry.authorInstitution()).contains("750000010");
        assertThat(dmp.retrieve(resident.person(), dlu.uniqueId()).content()).isEqualTo(dlu.xml());
        assertThat(simulator.storedByUniqueId()).as("stored once by the simulator SandboxExtension injects").containsEntry(dlu.uniqueId(), 1);
    }

    @Test
    void aNewVersionOfTheDluReplacesTheFirstWhichBecomesDeprecated() {
        DmpClient dmp = sandbox.connector().dmp();
        ResidentRecord resident = SampleResident.load();
        GeneratedCda first = dmp.writeDlu(resident, null);
        deposited(dmp.deposit(DmpDeposit.of(first.xml(), resident.person(), RECORDED)));
        GeneratedCda second = dmp.writeDlu(resident, first.asPrevious());
        deposited(dmp.replace(DmpDeposit.of(second.xml(), resident.person(), RECORDED), first.uniqueId()));
        List<DmpDocumentEntry> all = dmp.search(DmpSearch.approvedDocumentsOf(resident.person())
                .withStatuses(EnumSet.of(DocumentAvailability.APPROVED, DocumentAvailability.DEPRECATED)));
        assertThat(all).filteredOn(e -> e.uniqueId().equals(first.uniqueId())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(DocumentAvailability.DEPRECATED));
        assertThat(all).filteredOn(e -> e.uniqueId().equals(second.uniqueId())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(DocumentAvailability.APPROVED));
    }

    @Test
    void anExitLetterIsRegisteredAsALevelOnePdfDocument() {
        DmpClient dmp = sandbox.connector().dmp();
        ResidentRecord resident = SampleResident.load();
        LiaisonLetter letter = new LiaisonLetter(LiaisonLetter.LiaisonLetterKind.SORTIE, resident.person(), null, resident.establishment(),
                resident.author(), resident.attendingPhysician(), null, LocalDate.of(2021, 9, 1), LocalDate.of(2026, 11, 28),
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        GeneratedCda cda = dmp.writeLiaisonLetter(letter, null);
        deposited(dmp.deposit(DmpDeposit.of(cda.xml(), resident.person(), RECORDED)));
        DmpDocumentEntry entry = dmp.search(DmpSearch.approvedDocumentsOf(resident.person())).stream()
                .filter(e -> e.uniqueId().equals(cda.uniqueId())).findFirst().orElseThrow();
        assertThat(entry.typeCode().code()).isEqualTo("83981-1");
        assertThat(entry.classCode().code()).isEqualTo("10");
    }
}
