package fr.duiconnect.cli.annuaire;

import fr.duiconnect.cli.conformance.ConformanceContext;
import fr.duiconnect.cli.conformance.ConformanceReport;
import fr.duiconnect.cli.conformance.ConformanceRunner;
import fr.duiconnect.cli.conformance.Verdict;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The ANN-xx scenarios all pass against the sandbox's simulated Annuaire Santé. */
class AnnuaireConformanceTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.ANNUAIRE);

    @TempDir
    Path dir;

    @Test
    void everyAnnuaireScenarioPassesAgainstTheSandbox(DuiConnector connector, Sandbox sandbox) {
        ConformanceReport report = ConformanceRunner.run(new ConformanceContext(connector, sandbox, null, null, dir),
                ConformanceRunner.catalogue(), "sandbox", s -> s.id().startsWith("ANN-"), r -> { });
        assertThat(report.results()).hasSize(5).allSatisfy(r -> assertThat(r.verdict()).as(r.toString()).isEqualTo(Verdict.PASS));
    }
}
