package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** IG dependencies are resolved by name#version in the packages folder: exact, else the nearest version, else named missing. */
class FhirPackageSetTest {

    static final Path FHIR = Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/fhir");

    @Test
    void theExactVersionIsChosenWhenPresentElseTheNearestOfTheSameName() {
        Set<String> available = Set.of("hl7.fhir.fr.core#2.0.1", "hl7.fhir.fr.core#2.1.0", "hl7.fhir.fr.core#2.2.0",
                "ans.fhir.fr.annuaire#1.2.0-snapshot-2");
        assertThat(FhirPackageSet.choose(available, "hl7.fhir.fr.core", "2.1.0")).contains("hl7.fhir.fr.core#2.1.0");
        assertThat(FhirPackageSet.choose(available, "hl7.fhir.fr.core", "2.0.0")).contains("hl7.fhir.fr.core#2.0.1");
        assertThat(FhirPackageSet.choose(available, "hl7.fhir.fr.core", "2.3.0")).contains("hl7.fhir.fr.core#2.2.0");
        assertThat(FhirPackageSet.choose(available, "ans.fhir.fr.annuaire", "1.0.1")).contains("ans.fhir.fr.annuaire#1.2.0-snapshot-2");
        assertThat(FhirPackageSet.choose(available, "hl7.terminology.r4", "6.2.0")).isEmpty();
    }

    @Test
    void theCahierDeLiaisonLoadsFrCore201AndTheNearestAnnuaireAndNosAndNamesWhatIsMissingOnce() {
        FhirPackageSet set = FhirPackageSet.load(FhirContext.forR4Cached(), List.of(FHIR.resolve("cahier-de-liaison/package.tgz")));
        assertThat(set.packages()).extracting(FhirPackageSet.FhirPackage::id)
                .contains("ans.fhir.fr.cdl#3.0.0", "hl7.fhir.fr.core#2.0.1", "ans.fhir.fr.annuaire#1.2.0-snapshot-2",
                        "hl7.fhir.fr.core#2.2.0" /* the Annuaire's own dependency */);
        assertThat(set.substitutions()).extracting(FhirPackageSet.Substitution::declared).contains("ans.fhir.fr.annuaire#1.0.1", "ans.fr.nos#1.4.0");
        assertThat(set.missingDependencies()).extracting(FhirPackageSet.MissingDependency::name).contains("hl7.terminology.r4")
                .doesNotContain("hl7.fhir.fr.core", "ans.fr.nos");
        assertThat(set.summary()).contains("ans.fhir.fr.annuaire#1.0.1 -> ans.fhir.fr.annuaire#1.2.0-snapshot-2")
                .contains("not provided").containsOnlyOnce("hl7.terminology.r4#6.2.0");
    }

    @Test
    void theVersionTheIgDeclaresAnswersForUnversionedCanonicals() {
        FhirPackageSet set = FhirPackageSet.load(FhirContext.forR4Cached(), List.of(FHIR.resolve("cahier-de-liaison/package.tgz")));
        List<String> order = set.registrationOrder().stream().map(FhirPackageSet.FhirPackage::id).toList();
        // registered last wins: the CdL's own FR Core 2.0.1 after the Annuaire's FR Core 2.2.0
        assertThat(order.indexOf("hl7.fhir.fr.core#2.0.1")).isGreaterThan(order.indexOf("hl7.fhir.fr.core#2.2.0"));
        assertThat(order.get(order.size() - 1)).isEqualTo("ans.fhir.fr.cdl#3.0.0");
    }

    @Test
    void withoutAPackagesFolderEveryDependencyIsMissing() {
        FhirPackageSet set = FhirPackageSet.load(FhirContext.forR4Cached(), List.of(FHIR.resolve("cahier-de-liaison/package.tgz")), null);
        assertThat(set.packages()).hasSize(1);
        assertThat(set.missingDependencies()).extracting(FhirPackageSet.MissingDependency::name).contains("hl7.fhir.fr.core");
    }
}
