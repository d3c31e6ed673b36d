package fr.duiconnect.harness.insi;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.conformance.ConformanceContext;
import fr.duiconnect.harness.conformance.ConformanceScenario;
import fr.duiconnect.harness.conformance.ScenarioOutcome;
import fr.duiconnect.harness.conformance.Verdict;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InsConformanceScenariosTest {

    @RegisterExtension
    static InsiSimulatorExtension insi = new InsiSimulatorExtension();

    @TempDir
    Path work;

    private ConformanceContext context() {
        return new ConformanceContext(insi.connector(), insi.sandbox(), null, null, work);
    }

    private ConformanceScenario scenario(String id) {
        return new InsConformanceScenarios().scenarios().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyInsScenarioPassesAgainstAWellBehavedInsi() throws Exception {
        for (ConformanceScenario scenario : new InsConformanceScenarios().scenarios()) {
            ScenarioOutcome outcome = scenario.run(context());
            assertThat(outcome.verdict()).as(scenario.id() + ": " + outcome.message()).isEqualTo(Verdict.PASS);
            assertThat(scenario.service()).isEqualTo(ServiceSocle.INS);
        }
    }

    @Test
    void corsicanScenarioFailsWhenInsiAnswersWithAFault() throws Exception {
        insi.simulator().faults().set(Fault.always(FaultKind.SOAP_FAULT));
        ScenarioOutcome outcome = scenario("INS-08").run(context());
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.message()).contains("INS-SOAP-FAULT");
    }

    @Test
    void refusalScenarioPassesEvenWithInsiDownBecauseNothingIsSent() throws Exception {
        insi.simulator().faults().set(Fault.always(FaultKind.HTTP_503));
        assertThat(scenario("INS-02").run(context()).verdict()).isEqualTo(Verdict.PASS);
    }
}
