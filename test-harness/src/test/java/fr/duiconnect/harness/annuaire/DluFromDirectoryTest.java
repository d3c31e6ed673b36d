package fr.duiconnect.harness.annuaire;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpClient;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.content.CareProfessional;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.dmp.SampleResident;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DUI that knows its résident's médecin traitant only by RPPS: the connector writes the DLU with the name and
 * address the simulated Annuaire Santé publishes, and the DMP simulator (which validates every CDA with the ANS kit)
 * registers it.
 */
class DluFromDirectoryTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.DMP, ServiceSocle.ANNUAIRE);

    @Test
    void aDluWhoseMedecinTraitantIsGivenOnlyByRppsIsFilledFromTheDirectoryAndAcceptedByTheDmp() {
        DmpClient dmp = sandbox.connector().dmp();
        ResidentRecord onlyRpps = SampleResident.load().withAttendingPhysician(CareProfessional.byRpps(DirectoryStore.TREATING_GP.rpps()));

        GeneratedCda dlu = dmp.writeDlu(onlyRpps, null, sandbox.connector().directory());
        OperationStatus status = sandbox.connector().operations().awaitFinal(dmp.deposit(DmpDeposit.of(dlu.xml(), onlyRpps.person(),
                NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDEC"))).operationId(), Duration.ofSeconds(60));

        assertThat(status.state()).as(status.lastErrorCode() + " " + status.lastError()).isEqualTo(OperationState.ACKED);
        assertThat(dlu.directoryDifferences()).isEmpty();
        assertThat(dlu.asString()).contains("<family>LEROY</family>").contains("<given>Sophie</given>")
                .contains("<streetName>RUE DU PETIT PONT</streetName>").contains("<postalCode>75005</postalCode>");
    }
}
