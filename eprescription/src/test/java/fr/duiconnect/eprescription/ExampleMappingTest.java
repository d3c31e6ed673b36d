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

    private static Prescription mapped(String example) {
        FhirContext context = FhirContext.forR4Cached();
        String json = Fixtures.packages(context).get("ans.fhir.fr.eprescription").examples().get(example);
        List<Prescription> prescriptions = new PrescriptionMapper(context).map(context.newJsonParser().parseResource(Bundle.class, json));
        assertThat(prescriptions).hasSize(1);
        return prescriptions.get(0);
    }

    @Test
    void optionLinesOfARequestGroupAreAlternativesWithTheirConditionNotTwoTreatments() {
        Prescription p = mapped("Bundle-TradPN13FHIR-MultiLine-Presc-Alt-METFORMINE-GLICLAZIDE.json");
        assertThat(p.alternatives()).singleElement().satisfies(group -> {
            assertThat(group).containsOnlyKeys("medicationrequest-Trad-Presc-Alt-GLICLAZIDE", "medicationrequest-Trad-Presc-Alt-METFORMINE");
            assertThat(group.get("medicationrequest-Trad-Presc-Alt-GLICLAZIDE")).isEqualTo("En cas d'intolérance digestive au METFORMINE");
        });
        assertThat(p.unmappedCount()).isZero();
    }

    @Test
    void concurrentOptionLinesAreRelatedButNoAlternatives() {
        Prescription p = mapped("Bundle-MultiLine-Presc-METHOTREXATE-LEDERFOLINE.json");
        assertThat(p.alternatives()).isEmpty();
        assertThat(p.relations()).singleElement().satisfies(r -> {
            assertThat(r.relationship()).isEqualTo("concurrent");
            assertThat(r.alternative()).isFalse();
        });
    }

    @Test
    void aRelationWhoseLineCannotBeFoundIsListedAsUnmapped() {
        // The IG example names its sucralfate line '#medicationrequest-MultiLinePresc-Sucralfate' (sic): the "2 h after" is not lost silently.
        Prescription p = mapped("Bundle-MultiLine-Presc-Sucralfate-Paracetamol.json");
        assertThat(p.relations()).isEmpty();
        assertThat(p.unmapped()).singleElement().asString().contains("relatedAction[0]");
    }

    @Test
    void maxDosesAsNeededReasonAndTheMinimumIntervalAreCarried() {
        var dosage = mapped("Bundle-Presc-CLARADOL-SiDouleur-MaxPrise-DelaisMin.json").lines().get(0).dosages().get(0);
        assertThat(dosage.maxDosePerPeriod().numerator().value()).isEqualByComparingTo("6");
        assertThat(dosage.maxDosePerPeriod().denominator().unitCode()).isEqualTo("h");
        assertThat(dosage.maxDosePerAdministration().value()).isEqualByComparingTo("2");
        assertThat(dosage.asNeededCode().code()).isEqualTo("22253000");
        assertThat(dosage.additionalInstructions()).extracting(c -> c.label()).containsExactly("Délais minimum entre 2 prises : 4h");
        // frequencyMax 1 per 4 h: at most once every 4 hours, not "frequency 1"
        assertThat(dosage.frequency()).isNull();
        assertThat(dosage.frequencyMax()).isEqualTo(1);
        assertThat(dosage.period()).isEqualByComparingTo("4");
        assertThat(dosage.periodUnit()).isEqualTo("h");
    }

    @Test
    void aPerfusionKeepsItsRateAndTheComponentTheDoseIsExpressedFor() {
        var line = mapped("Bundle-Presc-MiniperfCefotaxime-En20min-Pdt3j.json").lines().get(0);
        var dose = line.dosages().get(0).doseAndRate().get(0);
        assertThat(dose.rate().numerator().value()).isEqualByComparingTo("4");
        assertThat(dose.rate().denominator().unitCode()).isEqualTo("min");
        assertThat(dose.basisOfDoseComponent()).isNotBlank();
        assertThat(line.medication().ingredients()).anySatisfy(i -> assertThat(i.vehicle()).isTrue())
                .anySatisfy(i -> assertThat(i.component()).isNotNull());
        assertThat(line.unmapped()).isEmpty();
    }

    @Test
    void anElementTheModelDoesNotCarryIsListedOnTheLine() {
        FhirContext context = FhirContext.forR4Cached();
        String json = Fixtures.packages(context).get("ans.fhir.fr.eprescription").examples()
                .get("Bundle-Presc-CLARADOL-SiDouleur-MaxPrise-DelaisMin.json");
        Bundle bundle = context.newJsonParser().parseResource(Bundle.class, json);
        MedicationRequest request = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast).findFirst().orElseThrow();
        request.getDosageInstructionFirstRep().getTiming().getRepeat().setBounds(new org.hl7.fhir.r4.model.Range()
                .setLow(new org.hl7.fhir.r4.model.Quantity(1)));
        request.addReasonCode().setText("douleur post-opératoire");
        var line = new PrescriptionMapper(context).map(bundle).get(0).lines().get(0);
        assertThat(line.unmapped()).containsExactlyInAnyOrder("dosageInstruction[0].timing.repeat.boundsRange", "reasonCode[0]");
    }
}
