package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.cli.mssante.MssanteConformanceScenarios;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The MSSanté conformance scenarios pass against the sandbox with the connector as configured. */
class MssanteConformanceTest {

    @TempDir
    Path dir;

    @Test
    void every_mssante_scenario_passes_on_the_sandbox() throws Exception {
        try (Sandbox sandbox = Sandbox.start(dir, Set.of(ServiceSocle.MSSANTE), false);
             DuiConnector connector = DuiConnector.builder().config(sandbox.connectorConfig()).build()) {
            ConformanceContext context = new ConformanceContext(connector, sandbox, null, null, dir);
            for (ConformanceScenario scenario : new MssanteConformanceScenarios().scenarios()) {
                ScenarioOutcome outcome = scenario.run(context);
                assertThat(outcome.verdict()).as(scenario.id() + ": " + outcome.message()).isEqualTo(Verdict.PASS);
            }
        }
    }
}
