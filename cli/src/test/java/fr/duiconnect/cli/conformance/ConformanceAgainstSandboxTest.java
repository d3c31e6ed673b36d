package fr.duiconnect.cli.conformance;

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
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole catalogue passes against the sandbox, and the right scenarios fail when a simulator misbehaves. */
class ConformanceAgainstSandboxTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.INS, ServiceSocle.MSSANTE,
            ServiceSocle.EPRESCRIPTION, ServiceSocle.EPARCOURS);

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
        assertThat(report.summaryPerService().get(ServiceSocle.EPRESCRIPTION).passed()).isEqualTo(9);
        assertThat(report.summaryPerService().get(ServiceSocle.EPARCOURS).passed()).isEqualTo(10);
    }

    /** Runs the selected scenarios while the service's simulator answers every request with the fault. */
    private ConformanceReport runUnder(DuiConnector connector, Sandbox sandbox, ServiceSocle service, Fault fault, Predicate<String> ids) {
        sandbox.faults(service).set(fault);
        try {
            return ConformanceRunner.run(new ConformanceContext(connector, sandbox, null, null, dir), ConformanceRunner.catalogue(), "sandbox",
                    s -> ids.test(s.id()), r -> { });
        } finally {
            sandbox.faults(service).clear();
        }
    }

    @Test
    void aMisbehavingInsiSimulatorFailsTheInsiScenariosOnly(DuiConnector connector, Sandbox sandbox) {
        ConformanceReport report = runUnder(connector, sandbox, ServiceSocle.INS, Fault.always(FaultKind.SOAP_FAULT), id -> id.startsWith("INS-"));
        assertThat(verdict(report, "INS-03")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(report, "INS-05")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(report, "INS-01")).as("refused before any call").isEqualTo(Verdict.PASS);
        assertThat(verdict(report, "INS-09")).as("offline").isEqualTo(Verdict.PASS);
    }

    @Test
    void aPrescriptionServiceAnswering500FailsTheRetrievalScenariosOnly(DuiConnector connector, Sandbox sandbox) {
        ConformanceReport report = runUnder(connector, sandbox, ServiceSocle.EPRESCRIPTION, Fault.always(FaultKind.HTTP_500), id -> id.startsWith("EPR-"));
        for (String id : List.of("EPR-01", "EPR-02", "EPR-03", "EPR-04", "EPR-05", "EPR-07", "EPR-08")) {
            assertThat(verdict(report, id)).as(id).isEqualTo(Verdict.FAIL);
        }
        assertThat(verdict(report, "EPR-06")).as("refused before any call").isEqualTo(Verdict.PASS);
    }

    @Test
    void aPlatformAnswering503FailsTheSynchronousCahierDeLiaisonScenariosOnly(DuiConnector connector, Sandbox sandbox) {
        // the synchronous and local scenarios: a posted note would only fail after all its retries
        ConformanceReport report = runUnder(connector, sandbox, ServiceSocle.EPARCOURS, Fault.always(FaultKind.HTTP_503),
                List.of("EPC-03", "EPC-06", "EPC-07")::contains);
        assertThat(verdict(report, "EPC-03")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(report, "EPC-07")).isEqualTo(Verdict.FAIL);
        assertThat(verdict(report, "EPC-06")).as("refused before any call").isEqualTo(Verdict.PASS);
    }

    private static Verdict verdict(ConformanceReport report, String id) {
        return report.results().stream().filter(r -> r.scenario().id().equals(id)).findFirst().orElseThrow().verdict();
    }
}
