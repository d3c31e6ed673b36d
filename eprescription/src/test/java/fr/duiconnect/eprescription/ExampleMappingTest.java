package fr.duiconnect.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.error.InvalidInputException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every example bundle of the IG maps: each MedicationRequest becomes a line, lines grouped by groupIdentifier. */
class ExampleMappingTest {

    /** Example bundles of ePrescription 1.1.0-ballot whose medicationReference names no resource of the bundle. */
    static final java.util.Set<String> BROKEN_MEDICATION_REFERENCE = java.util.Set.of(
            "Bundle-Presc-Betamethasone-ApplCut.json", "Bundle-Presc-Paracetamol-DoseEvolutive.json",
            "Bundle-Presc-PerfGl-NaCl-KCl-1l.json", "Bundle-Presc-SolPrPerf-BIONOLYTE-G5-500mL-Sur12h.json",
            "Bundle-TradPN13FHIR-Presc-perfusion-6-composants.json");

    @Test
    void everyExampleBundleMapsEachLine() {
        FhirContext context = FhirContext.forR4();
        Map<String, String> examples = Fixtures.packages(context).get("ans.fhir.fr.eprescription").examples();
        PrescriptionMapper mapper = new PrescriptionMapper(context);
        int bundles = 0;
        for (Map.Entry<String, String> example : examples.entrySet()) {
            if (!example.getKey().startsWith("Bundle-")) {
                continue;
            }
            bundles++;
            Bundle bundle = context.newJsonParser().parseResource(Bundle.class, example.getValue());
            long requests = bundle.getEntry().stream().filter(e -> e.getResource() instanceof MedicationRequest).count();
            if (BROKEN_MEDICATION_REFERENCE.contains(example.getKey())) {
                // These IG examples refer to a Medication they do not hold (e.g. '#edication-...', sic): refused.
                assertThatThrownBy(() -> mapper.map(bundle)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("EPRESC-MEDICATION-UNRESOLVED");
                continue;
            }
            List<Prescription> prescriptions = mapper.map(bundle);
            assertThat(prescriptions.stream().mapToInt(p -> p.lines().size()).sum()).as(example.getKey()).isEqualTo((int) requests);
            prescriptions.forEach(p -> assertThat(p.lines()).allSatisfy(l -> assertThat(l.medication().system()).isNotNull()));
        }
        assertThat(bundles).isEqualTo(85);
    }

    @Test
    void multiLineExamplesShareOnePrescriptionNumber() {
        FhirContext context = FhirContext.forR4();
        String json = Fixtures.packages(context).get("ans.fhir.fr.eprescription").examples()
                .get("Bundle-TradPN13FHIR-MultiLine-Presc-Alt-METFORMINE-GLICLAZIDE.json");
        List<Prescription> prescriptions = new PrescriptionMapper(context).map(context.newJsonParser().parseResource(Bundle.class, json));
        assertThat(prescriptions).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo("10543744");
            assertThat(p.lines()).hasSize(2).allSatisfy(l -> assertThat(l.intent()).isEqualTo("option"));
            assertThat(p.person().birthPlaceCog()).isEqualTo("29134");
        });
    }
}
