package fr.duiconnect.cli;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.cli.conformance.ConformanceContext;
import fr.duiconnect.cli.conformance.ConformanceReport;
import fr.duiconnect.cli.conformance.ConformanceRunner;
import fr.duiconnect.cli.conformance.HtmlConformanceReport;
import fr.duiconnect.cli.conformance.JunitXmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;

/** {@code dui-connect conformance run}: the scenario catalogue against the sandbox or real endpoints, with reports. */
@Command(name = "conformance", description = "Conformance scenarios per service, with a JUnit XML and an HTML report.",
        subcommands = ConformanceCommand.Run.class)
final class ConformanceCommand {

    @Command(name = "run", description = "Run the conformance catalogue; exit 1 if any scenario fails.")
    static final class Run implements Callable<Integer> {

        @Mixin
        SandboxOptions target;

        @Option(names = "--kit", paramLabel = "DIR", description = "The ANS CDA validation kit (TestContenuCDA) directory.")
        Path kit;

        @Option(names = "--fhir-packages", paramLabel = "DIR", description = "Directory of the ANS FHIR IG packages.")
        Path fhirPackages;

        @Option(names = "--report", required = true, paramLabel = "DIR", description = "Where to write conformance.html and conformance-junit.xml.")
        Path reportDirectory;

        @Option(names = "--only", paramLabel = "PREFIX", description = "Only scenarios whose id starts with this (e.g. INS-).")
        String only;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(reportDirectory);
            try (SandboxOptions.ConnectorSession session = target.open(EnumSet.allOf(ServiceSocle.class))) {
                ConformanceContext context = new ConformanceContext(session.connector(), session.sandbox(), kit, fhirPackages,
                        Files.createDirectories(reportDirectory.resolve("work")));
                String targetLabel = session.sandbox() != null ? "sandbox (simulateurs DUI Connect)" : "configuration " + target.target.config;
                ConformanceReport report = ConformanceRunner.run(context, ConformanceRunner.catalogue(), targetLabel,
                        scenario -> only == null || scenario.id().startsWith(only),
                        result -> System.out.printf("%-8s %-12s %s%n", result.verdict(), result.scenario().id(), result.scenario().title()));
                Files.writeString(reportDirectory.resolve("conformance.html"), HtmlConformanceReport.render(report), StandardCharsets.UTF_8);
                Files.writeString(reportDirectory.resolve("conformance-junit.xml"), JunitXmlReport.render(report), StandardCharsets.UTF_8);
                ConformanceReport.Summary total = report.total();
                System.out.printf("%d passed, %d failed, %d skipped — report: %s%n", total.passed(), total.failed(), total.skipped(),
                        reportDirectory.resolve("conformance.html"));
                return report.passed() ? 0 : 1;
            }
        }
    }
}
