package fr.duiconnect.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.eprescription.MedicationCodeSystem;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.core.error.ContentRefusedException;
import fr.duiconnect.fhir.FhirPackageSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.duiconnect.eprescription.Fixtures.COMPLETE;
import static fr.duiconnect.eprescription.Fixtures.UCD;
import static fr.duiconnect.eprescription.Fixtures.line;
import static fr.duiconnect.eprescription.Fixtures.validBundle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Received content is validated against the ePrescription IG profiles and refused whole, with its issues. */
class PrescriptionValidationTest {

    static FhirContext context;
    static PrescriptionImporter importer;

    @BeforeAll
    static void validator() {
        context = FhirContext.forR4();
        importer = Fixtures.importer(context);
    }

    private static List<ConformanceIssue> refusal(String json) {
        try {
            importer.fromJson(json);
        } catch (ContentRefusedException e) {
            return e.issues();
        }
        throw new AssertionError("the content was accepted");
    }

    @Test
    void aConformingLineIsAcceptedAndMapped() {
        List<Prescription> prescriptions = importer.fromJson(validBundle(line(UCD, COMPLETE)));
        assertThat(prescriptions).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo("4242");
            assertThat(p.person().insMatricule()).isEqualTo("135057511234554");
            assertThat(p.prescriber().nationalId()).isEqualTo("810000000001");
            assertThat(p.lines().get(0).medication().system()).isEqualTo(MedicationCodeSystem.UCD);
            assertThat(p.lines().get(0).dosages().get(0).frequency()).isEqualTo(2);
        });
    }

    @Test
    void frMedicationRequestRequiresAuthoredOnAndDosageInstruction() {
        List<ConformanceIssue> issues = refusal(validBundle(line(UCD, "")));
        assertThat(issues).filteredOn(i -> i.severity().blocking())
                .anySatisfy(i -> assertThat(i.message()).contains("MedicationRequest.authoredOn"))
                .anySatisfy(i -> assertThat(i.message()).contains("MedicationRequest.dosageInstruction"))
                .allSatisfy(i -> assertThat(i.path()).contains("MedicationRequest"));
    }

    @Test
    void aMedicationCodeOutsideFrMedicationCodeIsRefused() {
        String atc = """
            "medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"N02AA01"}]}""";
        List<ConformanceIssue> issues = refusal(validBundle(line(atc, COMPLETE)));
        assertThat(issues).filteredOn(i -> i.severity().blocking())
                .anySatisfy(i -> assertThat(i.path()).contains("medication"));
    }

    @Test
    void patientInstructionIsForbiddenByTheProfile() {
        String withPatientInstruction = COMPLETE.replace("\"text\":\"1 gélule matin et soir\",",
                "\"text\":\"1 gélule matin et soir\",\"patientInstruction\":\"avec un verre d'eau\",");
        List<ConformanceIssue> issues = refusal(validBundle(line(UCD, withPatientInstruction)));
        assertThat(issues).filteredOn(i -> i.severity().blocking())
                .anySatisfy(i -> assertThat(i.message()).contains("patientInstruction"));
    }

    @Test
    void anUnknownElementIsRefusedNotSilentlyDropped() {
        String json = validBundle(line(UCD, COMPLETE + ",\"posologieLibre\":\"x\""));
        assertThatThrownBy(() -> importer.fromJson(json))
                .isInstanceOf(ContentRefusedException.class)
                .satisfies(e -> assertThat(((ContentRefusedException) e).code()).isEqualTo("EPRESC-CONTENT-UNREADABLE"))
                .satisfies(e -> assertThat(((ContentRefusedException) e).issues())
                        .anySatisfy(i -> assertThat(i.message()).contains("posologieLibre")));
    }

    @Test
    void declaredDependenciesAreLoadedByNameAndVersionAndTheMissingOnesNamed() {
        FhirPackageSet packages = Fixtures.packages(context);
        assertThat(packages.packages()).extracting(FhirPackageSet.FhirPackage::id).contains("hl7.fhir.fr.core#2.1.0");
        assertThat(packages.missingDependencies()).extracting(FhirPackageSet.MissingDependency::id)
                .contains("hl7.fhir.uv.xver-r5.r4#0.1.0").doesNotContain("hl7.fhir.fr.core#2.1.0");
        assertThat(packages.summary()).contains("hl7.fhir.uv.xver-r5.r4#0.1.0");
        List<ConformanceIssue> warnings = importer.validate(context.newJsonParser().parseResource(
                org.hl7.fhir.r4.model.Bundle.class, validBundle(line(UCD, COMPLETE).replace("\"id\":\"l1\",",
                        "\"id\":\"l1\",\"extension\":[{\"url\":\"http://hl7.org/fhir/5.0/StructureDefinition/extension-MedicationRequest.renderedDosageInstruction\",\"valueMarkdown\":\"x\"}],"))));
        assertThat(warnings).anySatisfy(i -> assertThat(i.message()).startsWith("[not checked: hl7.fhir.uv.xver-r5.r4#0.1.0 not provided]"));
    }
}
