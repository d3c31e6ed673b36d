package fr.duiconnect.camel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The component is a client of the facade like any DUI code: the public API only, no SPI, runtime or service module. */
class PublicApiOnlyTest {

    @Test
    void theComponentUsesOnlyTheConnectorsPublicApi() {
        JavaClasses component = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.duiconnect.camel");
        noClasses().that().resideInAPackage("fr.duiconnect.camel..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.duiconnect.core.spi..", "fr.duiconnect.core.internal..",
                        "fr.duiconnect.ins..", "fr.duiconnect.dmp..", "fr.duiconnect.mssante..", "fr.duiconnect.fhir..",
                        "fr.duiconnect.eprescription..", "fr.duiconnect.eparcours..", "fr.duiconnect.harness..")
                .check(component);
    }
}
