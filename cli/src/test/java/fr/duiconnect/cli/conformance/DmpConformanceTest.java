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

import static org.assertj.core.api.Assertions.assertThat;

/** The DMP scenarios pass against the sandbox, and the exchange scenarios fail when the DMP simulator misbehaves. */
class DmpConformanceTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.DMP);

    @TempDir
    Path dir;

    private ConformanceReport run(DuiConnector connector, Sandbox sandbox, java.util.function.Predicate<String> ids) {
        Path kit = Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit");
        return ConformanceRunner.run(new ConformanceContext(connector, sandbox, kit, null, dir), ConformanceRunner.catalogue(), "sandbox",
                s -> ids.test(s.id()), r -> { });
    }

    @Test
    void everyDmpScenarioPassesAgainstTheSandbox(DuiConnector connector, Sandbox sandbox) {
        ConformanceReport report = run(connector, sandbox, id -> id.startsWith("DMP-"));
        assertThat(report.results()).hasSize(11).allSatisfy(r -> assertThat(r.verdict()).as(r.scenario().id() + ": " + r.outcome().message()).isEqualTo(Verdict.PASS));
    }

    @Test
    void aDmpAnsweringSoapFaultsFailsTheExchangeScenariosOnly(DuiConnector connector, Sandbox sandbox) {
        sandbox.faults(ServiceSocle.DMP).set(Fault.always(FaultKind.SOAP_FAULT));
        try {
            // the synchronous and local scenarios: the journaled ones would only fail after all their retries
            ConformanceReport report = run(connector, sandbox, java.util.Set.of("DMP-01", "DMP-02", "DMP-07", "DMP-08")::contains);
            assertThat(verdict(report, "DMP-02")).isEqualTo(Verdict.FAIL);
            assertThat(verdict(report, "DMP-01")).as("offline, against the kit").isEqualTo(Verdict.PASS);
            assertThat(verdict(report, "DMP-07")).as("refused before any call").isEqualTo(Verdict.PASS);
            assertThat(verdict(report, "DMP-08")).as("refused before any call").isEqualTo(Verdict.PASS);
        } finally {
            sandbox.faults(ServiceSocle.DMP).clear();
        }
    }

    private static Verdict verdict(ConformanceReport report, String id) {
        return report.results().stream().filter(r -> r.scenario().id().equals(id)).findFirst().orElseThrow().verdict();
    }

    /** The kit check is real: a writer that drops one displayName (CI-SISComponentOf) fails the document scenarios. */
    @Test
    void theDocumentScenariosFailWhenTheWriterDropsADisplayName(DuiConnector connector, Sandbox sandbox) {
        java.util.function.UnaryOperator<byte[]> dropsADisplayName = xml -> new String(xml, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(<healthCareFacility>\\s*<code [^>]*?) displayName=\"[^\"]*\"", "$1").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path kit = Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit");
        ConformanceReport report = ConformanceRunner.run(new ConformanceContext(connector, sandbox, kit, null, dir),
                new fr.duiconnect.cli.dmp.DmpConformanceScenarios(dropsADisplayName).scenarios(), "sandbox",
                s -> java.util.Set.of("DMP-01", "DMP-10").contains(s.id()), r -> { });
        assertThat(report.results()).hasSize(2).allSatisfy(r -> {
            assertThat(r.verdict()).as(r.scenario().id()).isEqualTo(Verdict.FAIL);
            assertThat(r.outcome().evidence().toString()).contains("displayName");
        });
    }
}
