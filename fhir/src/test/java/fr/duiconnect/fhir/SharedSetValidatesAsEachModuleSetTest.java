package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.error.ConformanceIssue;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation results are unchanged by sharing: with the three FHIR modules' validators made by one
 * {@link FhirValidators} (packages read once for all), every IG example (a seeded sample of the e-prescription IG's 85)
 * gets the same issues as from a validator its module built alone. (One chain over every IG fails this: 21 of 115
 * examples, FR Core 2.2.0 then answering for the IGs built on 2.0.1 or 2.1.0.)
 */
class SharedSetValidatesAsEachModuleSetTest {

    static final Path FHIR = FhirPackageSetTest.FHIR;
    static final Path DEPS = FHIR.resolve("deps");
    static final List<Path> EPARCOURS = List.of(FHIR.resolve("cahier-de-liaison/package.tgz"),
            FHIR.resolve("cercle-de-soins/package.tgz"), FHIR.resolve("notification-evenements/package.tgz"));
    static final List<Path> EPRESCRIPTION = List.of(FHIR.resolve("eprescription/package.tgz"));
    static final List<Path> ANNUAIRE = List.of(DEPS.resolve("ans.fhir.fr.annuaire#1.2.0-snapshot-2/package.tgz"),
            DEPS.resolve("hl7.fhir.fr.core#2.2.0/package.tgz"));
    static final int EPRESCRIPTION_SAMPLE = Integer.getInteger("dui.test.eprescription-sample", 6);

    static FhirValidators validators;
    static final Map<String, ProfileValidator> shared = new java.util.HashMap<>();
    static final Map<String, ProfileValidator> own = new java.util.HashMap<>();

    @BeforeAll
    static void validators() {
        validators = new FhirValidators();
        Map<String, List<Path>> modules = Map.of("eparcours", EPARCOURS, "eprescription", EPRESCRIPTION, "annuaire", ANNUAIRE);
        modules.forEach((module, igs) -> shared.put(module, validators.validator(igs, DEPS, ProfileValidator.VALIDATOR_LIMITS)));
        validators.buildPending();
        modules.forEach((module, igs) -> {
            FhirContext context = FhirContext.forR4();
            own.put(module, new ProfileValidator(context, FhirPackageSet.load(context, igs, DEPS), ProfileValidator.VALIDATOR_LIMITS));
        });
    }

    @AfterAll
    static void close() {
        validators.close();
    }

    static Stream<Arguments> examples() {
        List<Arguments> all = new ArrayList<>();
        examplesOf("eparcours", List.of("ans.fhir.fr.cdl", "ans.fhir.fr.cds", "ans.fhir.fr.nde"), Integer.MAX_VALUE, all);
        examplesOf("annuaire", List.of("ans.fhir.fr.annuaire"), Integer.MAX_VALUE, all);
        examplesOf("eprescription", List.of("ans.fhir.fr.eprescription"), EPRESCRIPTION_SAMPLE, all);
        return all.stream();
    }

    private static void examplesOf(String module, List<String> igs, int sample, List<Arguments> into) {
        FhirPackageSet set = FhirPackageSet.load(FhirContext.forR4Cached(), module.equals("annuaire") ? ANNUAIRE
                : module.equals("eparcours") ? EPARCOURS : EPRESCRIPTION, Path.of("/nonexistent"));
        List<String[]> found = new ArrayList<>();
        igs.forEach(ig -> set.get(ig).examples().forEach((name, json) -> found.add(new String[]{name, json})));
        found.sort(java.util.Comparator.comparing(e -> e[0]));
        Collections.shuffle(found, new Random(16));
        found.stream().limit(sample).forEach(e -> into.add(Arguments.of(module, e[0], e[1])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void theSharedValidatorFindsWhatTheModulesOwnFinds(String module, String example, String json) {
        IBaseResource resource = FhirContext.forR4Cached().newJsonParser().parseResource(json);
        List<String> alone = describe(own.get(module).validate(resource));
        List<String> together = describe(shared.get(module).validate(resource));
        assertThat(together).as(example).containsExactlyInAnyOrderElementsOf(alone);
    }

    private static List<String> describe(List<ConformanceIssue> issues) {
        return issues.stream().map(i -> i.severity() + " " + i.path() + " " + i.message()).toList();
    }
}
