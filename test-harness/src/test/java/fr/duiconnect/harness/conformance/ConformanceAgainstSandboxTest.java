package fr.duiconnect.harness.conformance;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole catalogue passes against the sandbox, and the right scenarios fail when a simulator misbehaves. */
class ConformanceAgainstSandboxTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.INS, ServiceSocle.MSSANTE);

    @TempDir
    Path dir;

    private ConformanceReport run(DuiConnector connector, Sandbox sandbox, String prefix) {
        ConformanceContext context = new ConformanceContext(connector, sandbox, null, null, dir);
        return ConformanceRunner.run(context, ConformanceRunner.catalogue(), "sandbox",
                s -> prefix == null || s.id().startsWith(prefix), r -> { });
    }

    @Test
    void everyScenarioPassesAgainstTheSandbox(DuiConnector connector, Sandbox sandbox) {
        ConformanceReport report = run(connector, sandbox, null);
        List<String> failed = new ArrayList<>();
        report.results().stream().filter(r -> r.verdict() == Verdict.FAIL)
                .forEach(r -> failed.add(r.scenario().id() + ": " + r.outcome().message()));
        assertThat(failed).isEmpty();
        assertThat(report.summaryPerService().get(ServiceSocle.INS).passed()).isGreaterThanOrEqualTo(9);
        assertThat(report.summaryPerService().get(ServiceSocle.MSSANTE).passed()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aMisbehavingInsiSimulatorFailsTheInsiScenariosOnly(DuiConnector connector, Sandbox sandbox) {
        sandbox.faults(ServiceSocle.INS).set(Fault.always(FaultKind.SOAP_FAULT));
        try {
            ConformanceReport report = run(connector, sandbox, "INS-");
            assertThat(verdict(report, "INS-03")).isEqualTo(Verdict.FAIL);
            assertThat(verdict(report, "INS-05")).isEqualTo(Verdict.FAIL);
            assertThat(verdict(report, "INS-01")).as("refused before any call").isEqualTo(Verdict.PASS);
            assertThat(verdict(report, "INS-09")).as("offline").isEqualTo(Verdict.PASS);
        } finally {
            sandbox.faults(ServiceSocle.INS).clear();
        }
    }

    private static Verdict verdict(ConformanceReport report, String id) {
        return report.results().stream().filter(r -> r.scenario().id().equals(id)).findFirst().orElseThrow().verdict();
    }
}
