package fr.duiconnect.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import fr.duiconnect.core.eprescription.Prescription;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (not run by the build: {@code mvn -pl eprescription test -Dtest=ImportBenchmark}):
 * prints the cost of the first FhirContext and validator, and parse+map / parse+validate+map throughput.
 */
class ImportBenchmark {

    @Test
    void printFigures() {
        long t0 = System.nanoTime();
        FhirContext context = FhirContext.forR4();
        String json = Fixtures.validBundle(Fixtures.line(Fixtures.UCD, Fixtures.COMPLETE));
        context.newJsonParser().parseResource(Bundle.class, json);
        long t1 = System.nanoTime();
        // A fresh set and validator (not the JVM's shared one): the IG and its dependencies (FR Core 2.1.0...) read here.
        ProfileValidator validator = new ProfileValidator(context, FhirPackageSet.load(context, List.of(Fixtures.igPackage())),
                PrescriptionImporter.ERRATA);
        PrescriptionImporter importer = new PrescriptionImporter(validator);
        long t2 = System.nanoTime();
        // Figures for a broken path would mislead: the fixture must import and map to one prescription with one line.
        List<Prescription> first = importer.fromJson(json);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).lines()).hasSize(1);
        long t3 = System.nanoTime();
        System.out.printf("first FhirContext + first parse: %d ms%n", (t1 - t0) / 1_000_000);
        System.out.printf("IG package load + validator construction: %d ms%n", (t2 - t1) / 1_000_000);
        System.out.printf("first validation (snapshots, terminology caches): %d ms%n", (t3 - t2) / 1_000_000);

        PrescriptionMapper mapper = new PrescriptionMapper(context);
        int n = 3000;
        long s = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(mapper.map(context.newJsonParser().parseResource(Bundle.class, json))).hasSize(1);
        }
        double perSecond = n / ((System.nanoTime() - s) / 1e9);
        System.out.printf("parse + map: %.0f bundles/s (%d bundles)%n", perSecond, n);

        int m = 300;
        s = System.nanoTime();
        for (int i = 0; i < m; i++) {
            assertThat(importer.fromJson(json)).hasSize(1);
        }
        perSecond = m / ((System.nanoTime() - s) / 1e9);
        System.out.printf("parse + validate + map: %.0f bundles/s (%d bundles)%n", perSecond, m);
        Bundle parsed = context.newJsonParser().parseResource(Bundle.class, json);
        s = System.nanoTime();
        for (int i = 0; i < m; i++) {
            importer.validate(parsed);
        }
        System.out.printf("e-prescription steady-state validation: %.1f ms per bundle (%d bundles)%n", (System.nanoTime() - s) / 1e6 / m, m);
    }

    /** The other way: a cahier de liaison note bundle (the CdL IG's example) against the CdL, CdS and NdE IGs with their dependencies. */
    @Test
    void printNoteValidationFigures() throws Exception {
        java.nio.file.Path fhir = Fixtures.igPackage().getParent().getParent();
        FhirContext context = FhirContext.forR4();
        long t0 = System.nanoTime();
        ProfileValidator validator = new ProfileValidator(context, FhirPackageSet.load(context, List.of(
                fhir.resolve("cahier-de-liaison/package.tgz"), fhir.resolve("cercle-de-soins/package.tgz"),
                fhir.resolve("notification-evenements/package.tgz"))));
        long t1 = System.nanoTime();
        Bundle note = context.newJsonParser().parseResource(Bundle.class,
                java.nio.file.Files.readString(fhir.resolve("cahier-de-liaison/Bundle-cdl-bundle-creation-note.json")));
        validator.validate(note);
        long t2 = System.nanoTime();
        int m = 200;
        for (int i = 0; i < m; i++) {
            validator.validate(note);
        }
        long t3 = System.nanoTime();
        System.out.printf("CdL + CdS + NdE packages and dependencies load + validator construction: %d ms%n", (t1 - t0) / 1_000_000);
        System.out.printf("first note validation: %d ms%n", (t2 - t1) / 1_000_000);
        System.out.printf("note steady-state validation: %.1f ms per bundle (%d bundles)%n", (t3 - t2) / 1e6 / m, m);
    }
}
