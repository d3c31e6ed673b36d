package fr.duiconnect.harness.annuaire;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.r4.model.DomainResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every resource the simulated directory serves conforms to the annuaire IG (as-dp-*, as-mailbox-mss): 0 errors. */
class DirectoryResourcesConformTest {

    @Test
    void everyServedResourceHasNoErrorAgainstTheAnnuaireIg() {
        FhirContext fhir = FhirContext.forR4();
        FhirPackageSet packages = FhirPackageSet.load(fhir, AnnuaireSimulator.packages());
        ProfileValidator validator = new ProfileValidator(fhir, packages);
        DirectoryStore store = DirectoryStore.generate(AnnuaireSimulator.SEED);
        List<String> errors = new ArrayList<>();
        for (DomainResource resource : store.resources()) {
            for (ConformanceIssue issue : validator.validate(resource)) {
                if (issue.severity().blocking()) {
                    errors.add(resource.getIdElement().getIdPart() + ": " + issue);
                }
            }
        }
        assertThat(store.resources()).hasSizeGreaterThanOrEqualTo(24 + 5 + 24);
        assertThat(errors).isEmpty();
        // Set-up noise, named: dependencies the annuaire IG and FR Core declare that the shared folder does not hold
        // (their extensions and terminologies are reported as unchecked warnings, never as errors).
        assertThat(packages.missingDependencies()).extracting(FhirPackageSet.MissingDependency::name).containsOnly("hl7.fhir.uv.extensions.r4", "hl7.fhir.uv.xver-r5.r4", "ans.fr.terminologies", "hl7.terminology.r4");
    }

    @Test
    void theDirectoryHoldsHomonymsARetiredProfessionalAndStructuresWithAndWithoutMailboxes() {
        DirectoryStore store = DirectoryStore.generate(AnnuaireSimulator.SEED);
        assertThat(store.professionals()).hasSizeGreaterThanOrEqualTo(20)
                .filteredOn(p -> p.family().equals("MARTIN") && p.given().equals("Claire")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(store.professionals()).anyMatch(p -> !p.active()).anyMatch(p -> p.perMailbox() == null);
        assertThat(store.structures()).hasSize(5).anyMatch(s -> s.orgMailboxes().isEmpty() && s.appMailboxes().isEmpty())
                .anyMatch(s -> !s.orgMailboxes().isEmpty());
    }
}
