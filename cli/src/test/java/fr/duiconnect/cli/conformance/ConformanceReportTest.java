package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.SoftwareIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner turns scenario outcomes (and crashes) into verdicts, and both reports say the same. */
class ConformanceReportTest {

    @TempDir
    Path dir;

    private record Fixed(String id, ServiceSocle service, ScenarioOutcome outcome, boolean crash) implements ConformanceScenario {
        @Override public String title() { return "checks " + id; }
        @Override public String rule() { return "rule of " + id; }
        @Override public String reference() { return "CNDA TEST_" + id; }
        @Override public ScenarioOutcome run(ConformanceContext context) {
            if (crash) {
                throw new IllegalStateException("simulator said <boom>");
            }
            return outcome;
        }
    }

    private ConformanceReport runSample(List<ScenarioResult> progress) {
        ConnectorConfig config = ConnectorConfig.builder()
                .software(new SoftwareIdentity("DUI test", "9.9", Map.of(), UUID.randomUUID())).h2Journal(dir).build();
        try (DuiConnector connector = DuiConnector.builder().config(config).dispatching(false).build()) {
            ConformanceContext context = new ConformanceContext(connector, null, null, null, dir);
            List<ConformanceScenario> scenarios = List.of(
                    new Fixed("INS-01", ServiceSocle.INS, ScenarioOutcome.pass("ok", new Evidence("response", "<CR>00</CR>")), false),
                    new Fixed("INS-02", ServiceSocle.INS, ScenarioOutcome.fail("code 01 expected"), false),
                    new Fixed("DMP-01", ServiceSocle.DMP, null, true),
                    new Fixed("MSS-01", ServiceSocle.MSSANTE, ScenarioOutcome.pass("never run"), false));
            return ConformanceRunner.run(context, Set.of(ServiceSocle.INS, ServiceSocle.DMP), scenarios, "test target",
                    s -> true, progress::add);
        }
    }

    @Test
    void outcomesCrashesAndAbsentServicesBecomeVerdicts() {
        List<ScenarioResult> progress = new ArrayList<>();
        ConformanceReport report = runSample(progress);

        assertThat(progress).extracting(r -> r.scenario().id() + "=" + r.verdict())
                .containsExactly("INS-01=PASS", "INS-02=FAIL", "DMP-01=FAIL", "MSS-01=SKIPPED");
        assertThat(report.results().get(2).outcome().evidence().get(0).content()).contains("simulator said <boom>");
        assertThat(report.passed()).isFalse();
        assertThat(report.summaryPerService().get(ServiceSocle.INS)).isEqualTo(new ConformanceReport.Summary(1, 1, 0));
    }

    @Test
    void theJunitXmlHasOneSuitePerServiceWithFailuresAndSkips() throws Exception {
        String xml = JunitXmlReport.render(runSample(new ArrayList<>()));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo("4");
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(document.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
        assertThat(document.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void remoteTextWithCdataEndsAndControlCharactersStillGivesAReadableJunitXml() throws Exception {
        ConnectorConfig config = ConnectorConfig.builder()
                .software(new SoftwareIdentity("DUI test", "9.9", Map.of(), UUID.randomUUID())).h2Journal(dir).build();
        ConformanceReport report;
        try (DuiConnector connector = DuiConnector.builder().config(config).dispatching(false).build()) {
            ConformanceContext context = new ConformanceContext(connector, null, null, null, dir);
            report = ConformanceRunner.run(context, Set.of(ServiceSocle.INS), List.of(new Fixed("INS-09", ServiceSocle.INS,
                    ScenarioOutcome.pass("fault \u0001 ]]> <reason/>", new Evidence("fault", "<Reason>]]>\u0000 end</Reason>")), false)),
                    "test target", s -> true, r -> { });
        }
        String xml = JunitXmlReport.render(report);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(document.getElementsByTagName("system-out").item(0).getTextContent()).contains("<Reason>]]>\uFFFD end</Reason>");
    }

    @Test
    void theHtmlReportIsSelfContainedEscapedAndRendersInChromium() throws Exception {
        String html = HtmlConformanceReport.render(runSample(new ArrayList<>()));
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("<boom>")
                .contains("simulator said &lt;boom&gt;").contains("NON CONFORME").contains("CNDA TEST_INS-02");

        var chromium = fr.duiconnect.cli.report.HeadlessChromium.require();
        Path page = Files.writeString(dir.resolve("conformance.html"), html);
        var shot = chromium.screenshot(page, dir.resolve("conformance.png"), dir.resolve("profile"));
        assertThat(fr.duiconnect.cli.report.HeadlessChromium.inkRatio(shot)).isGreaterThan(0.01);
        assertThat(fr.duiconnect.cli.report.HeadlessChromium.hasColour(shot, 0xfb, 0xe3, 0xe1)).as("a red 'échec' badge").isTrue();
    }
}
