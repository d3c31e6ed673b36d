package fr.duiconnect.cli.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules of ARCHITECTURE.md, checked on the compiled classes of every module (this module sees them all).
 * A pom that declares another service module would let code use it; these rules fail as soon as it does.
 */
class ModuleDependencyRulesTest {

    private static final String[] SERVICES = {"ins", "dmp", "mssante", "eprescription", "eparcours", "annuaire"};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // The modules come as jars or class folders depending on the Maven phase; both are imported.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.duiconnect");
    }

    @ParameterizedTest(name = "{0} uses no other service module")
    @ValueSource(strings = {"ins", "dmp", "mssante", "eprescription", "eparcours", "annuaire"})
    void a_service_never_depends_on_another_service(String service) {
        String[] others = Arrays.stream(SERVICES).filter(s -> !s.equals(service))
                .map(s -> "fr.duiconnect." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("fr.duiconnect." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .check(classes);
    }

    @Test
    void the_core_depends_on_no_module_above_it() {
        noClasses().that().resideInAPackage("fr.duiconnect.core..")
                .should().dependOnClassesThat().resideInAnyPackage(modulesAbove("fr.duiconnect.fhir..",
                        "fr.duiconnect.harness..", "fr.duiconnect.cli.."))
                .check(classes);
    }

    @Test
    void the_shared_fhir_plumbing_depends_on_no_service() {
        noClasses().that().resideInAPackage("fr.duiconnect.fhir..")
                .should().dependOnClassesThat().resideInAnyPackage(modulesAbove("fr.duiconnect.harness..", "fr.duiconnect.cli.."))
                .check(classes);
    }

    @Test
    void the_test_kit_does_not_depend_on_the_command_line() {
        noClasses().that().resideInAPackage("fr.duiconnect.harness..")
                .should().dependOnClassesThat().resideInAPackage("fr.duiconnect.cli..")
                .check(classes);
    }

    @Test
    void only_the_command_line_and_its_benchmarks_reach_into_the_core_runtime() {
        noClasses().that().resideOutsideOfPackages("fr.duiconnect.core..", "fr.duiconnect.cli..")
                .should().dependOnClassesThat().resideInAPackage("fr.duiconnect.core.internal..")
                .check(classes);
    }

    /** Every service package plus the given ones. */
    private static String[] modulesAbove(String... more) {
        String[] all = Arrays.copyOf(Arrays.stream(SERVICES).map(s -> "fr.duiconnect." + s + "..").toArray(String[]::new),
                SERVICES.length + more.length);
        System.arraycopy(more, 0, all, SERVICES.length, more.length);
        return all;
    }
}
