package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.fhir.FhirValidators;
import fr.duiconnect.fhir.ProfileValidator;
import fr.duiconnect.harness.fhir.IndependentValidator;
import fr.duiconnect.harness.fhir.SharedConformance;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the connector sends to the e-parcours platform in the conformance run (every transaction, update and subscription,
 * as the simulator recorded it) is valid for an independent validator — plain HAPI, the IG packages and every
 * dependency package of {@code fhir/deps} loaded with HAPI's NpmPackageValidationSupport, none of the project's
 * validation code ({@link IndependentValidator}) — and for the project's own validator. Set-up noise only is set aside: the TRE_R13 communes (not in
 * the NOS subset) and the Annuaire snapshot's reference to {@code fr-core-human-name|2.2.0}.
 */
class SentResourcesConformTest {

    @TempDir
    Path dir;

    /**
     * Messages about the set-up, not about a resource: the TRE_R13 communes (not in the NOS subset), the Annuaire
     * snapshot's {@code fr-core-human-name|2.2.0}, and the HL7 extensions package's versioned canonicals
     * ({@code patient-birthPlace|5.2.0}: hl7.fhir.uv.extensions.r4, declared by FR Core 2.2.0, is not available).
     */
    static boolean setUpNoise(String message) {
        return message.contains("TRE_R13-Commune") || message.contains("fr-core-human-name|2.2.0")
                || message.matches("(?s).*http://hl7\\.org/fhir/StructureDefinition/[\\w-]+\\|5\\.\\d+\\.\\d+.*");
    }

    @Test
    void everyResourceSentToThePlatformConformsForAnIndependentValidatorAndForTheProjectsOwn() throws IOException {
        Path fhir = SharedConformance.directory().resolve("conformance/fhir");
        List<Path> igs = List.of(fhir.resolve("cahier-de-liaison/package.tgz"), fhir.resolve("cercle-de-soins/package.tgz"),
                fhir.resolve("notification-evenements/package.tgz"));
        List<Path> packages = new ArrayList<>(igs);
        try (Stream<Path> deps = Files.list(fhir.resolve("deps"))) {
            // Newest first: the versions the IGs declare (FR Core 2.0.1 for the CdL) are loaded last and answer for unversioned canonicals.
            deps.map(d -> d.resolve("package.tgz")).filter(Files::isRegularFile).sorted(java.util.Comparator.reverseOrder()).forEach(packages::add);
        }
        try (Sandbox sandbox = Sandbox.start(dir.resolve("sandbox"), Set.of(ServiceSocle.EPARCOURS, ServiceSocle.EPRESCRIPTION), true);
             DuiConnector connector = DuiConnector.builder().config(sandbox.connectorConfig()).build()) {
            ConformanceReport report = ConformanceRunner.run(new ConformanceContext(connector, sandbox, null, null, dir),
                    ConformanceRunner.catalogue(), "sandbox", s -> s.id().startsWith("EPC-") || s.id().startsWith("EPR-"), r -> { });
            assertThat(report.results()).allSatisfy(r -> assertThat(r.verdict()).as(r.scenario().id() + " " + r.outcome().message())
                    .isEqualTo(Verdict.PASS));
        }
        IndependentValidator independent = IndependentValidator.of(packages);
        ProfileValidator own = new FhirValidators().validator(igs, null, ProfileValidator.CDL_ERRATA);
        List<String> sent = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (Stream<Path> recorded = Files.list(dir.resolve("sandbox/recorded/eparcours"))) {
            for (Path file : recorded.sorted().toList()) {
                String request = Files.readString(file, StandardCharsets.UTF_8);
                String line = request.substring(0, request.indexOf('\n'));
                String body = request.substring(request.indexOf("\n\n") + 2).trim();
                if (!(line.startsWith("POST") || line.startsWith("PUT")) || !body.startsWith("{")) {
                    continue;
                }
                sent.add(line + " " + independent.typeOf(body));
                independent.errors(body).stream().filter(e -> !setUpNoise(e)).forEach(e -> errors.add("independent: " + line + ": " + e));
                independent.ownErrors(own, body).forEach(e -> errors.add("own: " + line + ": " + e));
            }
        }
        System.out.println("sent to the platform: " + sent.size() + " resources " + sent.stream().map(s -> s.replaceAll("\\?.*? ", " ")).distinct().toList());
        assertThat(sent).anyMatch(s -> s.endsWith("Bundle")).anyMatch(s -> s.endsWith("Subscription")).anyMatch(s -> s.endsWith("DocumentReference"));
        assertThat(errors).isEmpty();
    }
}
