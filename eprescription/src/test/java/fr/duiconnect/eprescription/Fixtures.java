package fr.duiconnect.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.fhir.FhirValidators;
import fr.duiconnect.fhir.ProfileValidator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The IG package from the shared conformance directory, and one validator for a test class. */
final class Fixtures {

    private Fixtures() {
    }

    static Path igPackage() {
        String shared = System.getProperty("dui.shared.dir");
        Path base = shared != null ? Path.of(shared) : Path.of("../../shared");
        Path file = base.resolve("conformance/fhir/eprescription/package.tgz");
        if (!Files.isRegularFile(file)) {
            file = Path.of("../shared/conformance/fhir/eprescription/package.tgz");
        }
        return file;
    }

    /** The IG and its dependencies from the packages folder beside it ({@code fhir/deps}). */
    static FhirPackageSet packages(FhirContext context) {
        return validator().packages();
    }

    /** The tests' validators, built once for this test JVM (as a connector's are, once per JVM). */
    private static final FhirValidators VALIDATORS = new FhirValidators();

    /** The shared validator of the IG and its dependencies. */
    static ProfileValidator validator() {
        return VALIDATORS.validator(List.of(igPackage()), null, PrescriptionImporter.ERRATA);
    }

    static PrescriptionImporter importer(FhirContext context) {
        return new PrescriptionImporter(validator());
    }

    /** A searchset with one line of prescription 4242 for an INS patient, served as a server would (fullUrl). */
    static String validBundle(String lineJson) {
        return """
            {"resourceType":"Bundle","type":"searchset","entry":[
             {"fullUrl":"https://rx.example/fhir/Patient/p1","resource":{"resourceType":"Patient","id":"p1",
               "identifier":[{"system":"urn:oid:1.2.250.1.213.1.4.8","value":"135057511234554"}],
               "name":[{"use":"official","family":"MARTIN","given":["JEAN"]}],"gender":"male","birthDate":"1935-05-12"},
              "search":{"mode":"include"}},
             {"fullUrl":"https://rx.example/fhir/Practitioner/d1","resource":{"resourceType":"Practitioner","id":"d1",
               "identifier":[{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000001"}],"name":[{"family":"LEGRAND","given":["SOPHIE"]}]},
              "search":{"mode":"include"}},
             {"fullUrl":"https://rx.example/fhir/MedicationRequest/l1","resource":%s,"search":{"mode":"match"}}]}
            """.formatted(lineJson);
    }

    static String line(String medication, String extra) {
        return """
            {"resourceType":"MedicationRequest","id":"l1","status":"active","intent":"order",
             %s,
             "subject":{"reference":"Patient/p1"},"requester":{"reference":"Practitioner/d1"},
             "groupIdentifier":{"system":"https://rx.example/ordonnance","value":"4242"}%s}
            """.formatted(medication, extra);
    }

    static final String UCD = """
        "medicationCodeableConcept":{"coding":[{"system":"http://data.esante.gouv.fr/ansm/medicament/UCD","code":"3400892083926","display":"ACTISKENAN 5MG GELU"}]}""";

    static final String COMPLETE = """
        ,"authoredOn":"2026-10-01T10:30:00+02:00",
        "dosageInstruction":[{"text":"1 gélule matin et soir","timing":{"repeat":{"frequency":2,"period":1,"periodUnit":"d"}},
          "doseAndRate":[{"doseQuantity":{"value":1,"unit":"gélule"}}]}]""";
}
