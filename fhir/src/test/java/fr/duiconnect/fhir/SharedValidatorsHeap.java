package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test: the heap and time the three FHIR modules' validators take, built as before (each module loading its
 * packages into a context of its own) or through one {@link FhirValidators} (every package read once).
 * {@code java -cp <test classpath> fr.duiconnect.fhir.SharedValidatorsHeap separate|shared}: one way per JVM.
 */
public final class SharedValidatorsHeap {

    private SharedValidatorsHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path fhir = FhirPackageSetTest.FHIR;
        Path deps = fhir.resolve("deps");
        Map<String, List<Path>> modules = Map.of(
                "eparcours", List.of(fhir.resolve("cahier-de-liaison/package.tgz"), fhir.resolve("cercle-de-soins/package.tgz"),
                        fhir.resolve("notification-evenements/package.tgz")),
                "eprescription", List.of(fhir.resolve("eprescription/package.tgz")),
                "annuaire", List.of(deps.resolve("ans.fhir.fr.annuaire#1.2.0-snapshot-2/package.tgz"), deps.resolve("hl7.fhir.fr.core#2.2.0/package.tgz")));
        long before = usedAfterGc();
        long start = System.nanoTime();
        List<Object> kept = new ArrayList<>();
        if (args[0].equals("separate")) {
            modules.values().forEach(igs -> {
                FhirContext context = FhirContext.forR4();
                ProfileValidator validator = new ProfileValidator(context, FhirPackageSet.load(context, igs, deps));
                validator.validate(new org.hl7.fhir.r4.model.Patient());   // the warm-up the shared build does
                kept.add(validator);
            });
        } else {
            FhirValidators validators = new FhirValidators();
            modules.values().forEach(igs -> kept.add(validators.validator(igs, deps, List.of())));
            validators.buildPending();
            kept.forEach(v -> ((ProfileValidator) v).packages());
            kept.add(validators);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        System.out.printf("%s: built in %d ms, heap +%d MB (%d validators)%n", args[0], ms, (after - before) / (1024 * 1024), modules.size());
        System.out.println(kept.size());
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime jvm = Runtime.getRuntime();
        return jvm.totalMemory() - jvm.freeMemory();
    }
}
