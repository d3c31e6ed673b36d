package fr.duiconnect.cli.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.fhir.ProfileValidator;
import fr.duiconnect.harness.fhir.SharedConformance;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
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
 * dependency package of {@code fhir/deps} loaded with {@link NpmPackageValidationSupport}, none of the project's
 * validation code — and for the project's own validator. Set-up noise only is set aside: the TRE_R13 communes (not in
 * the NOS subset) and the Annuaire snapshot's reference to {@code fr-core-human-name|2.2.0}.
 */
class SentResourcesConformTest {

    @TempDir
    Path dir;

    /** Plain HAPI: FhirInstanceValidator over the core definitions and the npm packages, nothing else. */
    static FhirValidator independentValidator(FhirContext context, List<Path> packages) throws IOException {
        NpmPackageValidationSupport npm = new NpmPackageValidationSupport(context);
        var parser = context.newJsonParser();
        for (Path file : packages) {
            try (InputStream in = Files.newInputStream(file)) {
                NpmPackage npmPackage = NpmPackage.fromPackage(in);
                for (String name : npmPackage.listResources("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter")) {
                    try (InputStream resource = npmPackage.loadResource(name)) {
                        npm.addResource(parser.parseResource(resource));
                    }
                }
            }
        }
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context), npm,
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

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
        FhirContext context = FhirContext.forR4();
        FhirValidator independent = independentValidator(context, packages);
        ProfileValidator own = ProfileValidator.shared(igs, null, ProfileValidator.VALIDATOR_LIMITS);
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
                IBaseResource resource = context.newJsonParser().parseResource(body);
                sent.add(line + " " + resource.fhirType());
                for (SingleValidationMessage message : independent.validateWithResult(resource).getMessages()) {
                    if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal() && !setUpNoise(message.getMessage())) {
                        errors.add("independent: " + line + ": " + message.getLocationString() + " " + message.getMessage());
                    }
                }
                for (ConformanceIssue issue : own.validate(resource)) {
                    if (issue.severity().blocking()) {
                        errors.add("own: " + line + ": " + issue);
                    }
                }
            }
        }
        System.out.println("sent to the platform: " + sent.size() + " resources " + sent.stream().map(s -> s.replaceAll("\\?.*? ", " ")).distinct().toList());
        assertThat(sent).anyMatch(s -> s.endsWith("Bundle")).anyMatch(s -> s.endsWith("Subscription")).anyMatch(s -> s.endsWith("DocumentReference"));
        assertThat(errors).isEmpty();
    }
}
