package fr.duiconnect.harness.eprescription;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.core.error.ContentRefusedException;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example bundle of the ePrescription IG (85 in 1.1.0-ballot), served by the simulated prescription service and
 * retrieved by the connector (validation with FR Core loaded, then mapping), is either imported with nothing left
 * unmapped, or refused with the example's own defect named. The table (example, repairs made when serving it, outcome,
 * lines, unmapped elements) is printed for the record.
 */
class IgExamplesImportTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.EPRESCRIPTION);

    record Row(String example, int repairs, String outcome, int lines, int unmapped, String detail) {
    }

    @Test
    void everyIgExampleIsImportedWholeOrRefusedForItsOwnDefect() {
        PrescriptionStore store = sandbox.sandbox().simulator(EPrescriptionSimulator.class).store();
        Map<String, List<String>> byExample = new TreeMap<>();
        store.exampleNumbers().forEach((number, example) -> byExample.computeIfAbsent(example, e -> new ArrayList<>()).add(number));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> example : byExample.entrySet()) {
            int repairs = store.repairs().get(example.getKey()).size();
            for (String number : example.getValue()) {
                rows.add(row(example.getKey(), repairs, number));
            }
        }
        StringBuilder table = new StringBuilder("\nexample | repairs | outcome | lines | unmapped | detail\n");
        rows.forEach(r -> table.append(String.join(" | ", r.example(), String.valueOf(r.repairs()), r.outcome(), String.valueOf(r.lines()),
                String.valueOf(r.unmapped()), r.outcome().equals("imported") ? r.detail() : defect(r.detail()))).append('\n'));
        System.out.println(table);
        assertThat(store.repairs()).hasSize(85);
        assertThat(rows).allSatisfy(r -> assertThat(r.outcome().equals("imported") ? r.unmapped() == 0 : defect(r.detail()) != null)
                .as(r.example() + ": " + r.outcome() + " " + r.detail()).isTrue());
        assertThat(rows.stream().filter(r -> r.outcome().equals("imported")).count()).as("imported whole").isEqualTo(44);
    }

    /** The example's own defect a refusal names, or null when the refusal is not one of them. */
    static String defect(String detail) {
        if (detail.contains("http://BogusSystemMedicabase.com")) {
            return "medication coded in the placeholder system http://BogusSystemMedicabase.com, outside fr-medication-code";
        }
        java.util.regex.Matcher invariant = java.util.regex.Pattern.compile("Constraint failed: (tim-\\d+|rat-\\d+)").matcher(detail);
        if (invariant.find()) {
            return "FHIR R4 invariant " + invariant.group(1) + " broken";
        }
        java.util.regex.Matcher broken = java.util.regex.Pattern.compile("Unable to resolve resource with reference '(#[^']+)'").matcher(detail);
        if (broken.find()) {
            return "reference " + broken.group(1) + " names no resource of the bundle";
        }
        if (detail.contains("Found MedicationRequest, but expected one of ([Medication])")) {
            return "medicationReference points to a MedicationRequest";
        }
        if (detail.contains("fr-medication-noncompound' has not been checked because it could not be found")) {
            return "meta.profile names a profile that does not exist (https://hl7.fr/fhir/fr/medication/...)";
        }
        return null;
    }

    private static Row row(String example, int repairs, String number) {
        try {
            Prescription p = sandbox.connector().eprescription().retrieve(number);
            List<String> paths = Stream.concat(p.unmapped().stream(),
                    p.lines().stream().flatMap(l -> l.unmapped().stream().map(u -> l.lineId() + ":" + u))).toList();
            return new Row(example, repairs, "imported", p.lines().size(), p.unmappedCount(), paths.isEmpty() ? "" : paths.toString());
        } catch (ContentRefusedException e) {
            return new Row(example, repairs, "refused " + e.code(), 0, 0, e.issues().stream().filter(i -> i.severity().blocking())
                    .map(ConformanceIssue::toString).findFirst().orElse(""));
        } catch (DuiConnectException e) {
            return new Row(example, repairs, "refused " + e.code(), 0, 0, e.getMessage());
        }
    }
}
