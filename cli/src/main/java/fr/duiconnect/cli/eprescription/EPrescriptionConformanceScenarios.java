package fr.duiconnect.cli.eprescription;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eprescription.ImportOutcome;
import fr.duiconnect.core.eprescription.MedicationCodeSystem;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.eprescription.PrescriptionImport;
import fr.duiconnect.core.eprescription.PrescriptionLine;
import fr.duiconnect.cli.conformance.ConformanceScenario;
import fr.duiconnect.cli.conformance.ConformanceScenarioProvider;
import fr.duiconnect.cli.conformance.Evidence;
import fr.duiconnect.cli.conformance.ScenarioOutcome;
import fr.duiconnect.cli.conformance.ServiceScenario;
import fr.duiconnect.harness.fhir.InsPersona;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * E-prescription import conformance: what is retrieved follows the ANS ePrescription IG (lines grouped by
 * groupIdentifier, RUIM medication codes), the patient is matched by INS and traits, the import is idempotent, and
 * unknown or unreadable content imports nothing. Scenarios using the sandbox's prescriptions are skipped elsewhere.
 */
public final class EPrescriptionConformanceScenarios implements ConformanceScenarioProvider {

    /** An IG example with two lines sharing one groupIdentifier (METFORMINE + GLICLAZIDE, UCD codes). */
    static final String MULTI_LINE_EXAMPLE = "10543744";
    /** The first prescription the simulator generates for the demo's resident: a CIS line and a CIP line. */
    static final String RESIDENT_PRESCRIPTION = "SIM7000002";
    private static final InsPersona RESIDENT = InsPersona.ALL.get(1);

    private static final ServiceScenario.Factory EPR = ServiceScenario.of(ServiceSocle.EPRESCRIPTION);

    @Override
    public List<ConformanceScenario> scenarios() {
        return List.of(
                EPR.scenario("EPR-01", "A multi-line prescription is retrieved as one searchset and its lines share one groupIdentifier",
                        "La prescription n'est pas une ressource FHIR : ses lignes (MedicationRequest) partagent groupIdentifier et sont rendues en Bundle searchset",
                        "ANS ePrescription IG 1.1.0-ballot: fr-inpatient-medicationrequest.groupIdentifier, pages Vue d'ensemble et Exemples",
                        true, context -> {
                    Prescription prescription = context.connector().eprescription().retrieve(MULTI_LINE_EXAMPLE);
                    return ScenarioOutcome.check(prescription.lines().size() == 2, prescription.lines().size() + " lines under " + prescription.number(),
                            "expected 2 lines, got " + prescription.lines().size(), lines(prescription));
                }),
                EPR.scenario("EPR-02", "CIS- and CIP-coded lines are accepted and mapped with their RUIM code system",
                        "medication[x] est lié (required) au ValueSet fr-medication-code : UCD, SMS, substance ANSM, CIP (Presentation), CIS (SpecialitePharmaceutique)",
                        "ANS ePrescription IG 1.1.0-ballot: FRMedicationRequest.medication[x], ValueSet fr-medication-code (PR #6: CIP/CIS)",
                        true, context -> {
                    Prescription prescription = context.connector().eprescription().retrieve(RESIDENT_PRESCRIPTION);
                    Set<MedicationCodeSystem> systems = prescription.lines().stream().map(l -> l.medication().system()).collect(Collectors.toSet());
                    return ScenarioOutcome.check(systems.containsAll(Set.of(MedicationCodeSystem.CIS, MedicationCodeSystem.CIP)),
                            "mapped code systems " + systems, "CIS and CIP expected, got " + systems, lines(prescription));
                }),
                EPR.scenario("EPR-03", "A prescription for another person is refused as an identitovigilance error",
                        "Le patient de la prescription est la personne locale : même INS (fr-core-patient-ins) et mêmes traits, sinon pas d'import",
                        "FR Core Patient INS (INS-NIR urn:oid:1.2.250.1.213.1.4.8); RNIV 1, exigence EXI 20 (rapprochement d'identités)",
                        true, context -> ServiceScenario.refusedWith("EPRESC-IDENTITY-MISMATCH",
                        () -> context.connector().eprescription().importPrescription(RESIDENT_PRESCRIPTION, InsPersona.ALL.get(2).identity()))),
                EPR.scenario("EPR-04", "Importing the same prescription again records nothing new",
                        "Un import répété d'une même prescription (même numéro, même version) est reconnu et n'ajoute aucune ligne",
                        "[project] import idempotent par numéro et version (spec e-prescription §A3); FHIR R4 Resource.meta.versionId",
                        true, context -> {
                    PrescriptionImport first = context.connector().eprescription().importPrescription(RESIDENT_PRESCRIPTION, RESIDENT.identity());
                    PrescriptionImport again = context.connector().eprescription().importPrescription(RESIDENT_PRESCRIPTION, RESIDENT.identity());
                    return ScenarioOutcome.check(again.outcome() == ImportOutcome.ALREADY_IMPORTED, first.outcome() + ", then " + again.outcome(),
                            "second import " + again.outcome());
                }),
                EPR.scenario("EPR-05", "An unknown prescription number imports nothing",
                        "Un numéro inconnu du service de prescription est signalé comme tel, sans import",
                        "FHIR R4 RESTful API: search by groupIdentifier (empty searchset) / 404 Not Found",
                        false, context -> ServiceScenario.refusedWith("EPRESC-NOT-FOUND",
                        () -> context.connector().eprescription().importPrescription("0000000000", RESIDENT.identity()))),
                EPR.scenario("EPR-06", "Content that is not a searchset Bundle is refused whole, before any mapping",
                        "Le contenu reçu est un Bundle FHIR R4 de type searchset portant les lignes d'une prescription",
                        "ANS ePrescription IG 1.1.0-ballot, page Exemples (Bundle searchset); FHIR R4 Bundle.type",
                        false, context -> ServiceScenario.refusedWith("EPRESC-CONTENT-UNREADABLE",
                        () -> context.connector().eprescription().importContent("{\"resourceType\":\"Patient\",\"id\":\"p\"}", RESIDENT.identity()))));
    }

    private static Evidence lines(Prescription prescription) {
        return new Evidence("lines", prescription.lines().stream().map(EPrescriptionConformanceScenarios::line).collect(Collectors.joining("\n")));
    }

    private static String line(PrescriptionLine line) {
        return line.lineId() + " " + line.medication().system() + " " + line.medication().code() + " " + line.medication().display();
    }
}
