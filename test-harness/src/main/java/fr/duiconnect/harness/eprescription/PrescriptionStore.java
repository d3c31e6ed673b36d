package fr.duiconnect.harness.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.fhir.BundleIndex;
import fr.duiconnect.harness.fhir.InsPersona;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prescriptions the simulated service holds: the ePrescription IG's example bundles (served with server ids
 * and resolvable references, as a real server would) and prescriptions generated for the INS personas
 * (CIS, CIP and compound medications, which the IG examples lack). A prescription can be cancelled (its lines
 * get status cancelled, a new version) or withdrawn (the service answers 410 Gone).
 */
public final class PrescriptionStore {

    public static final String NUMBER_SYSTEM = "https://sandbox.dui-connect.fr/ordonnance-numerique";
    public static final String RPPS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1";
    static final String IG = "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/";

    /** A prescription: its number, its lines (MedicationRequests with their references' resources attached). */
    public record Stored(String number, List<MedicationRequest> lines, boolean withdrawn) {
    }

    private final Map<String, Stored> byNumber = new ConcurrentHashMap<>();
    private final Map<String, String> exampleNumbers = new LinkedHashMap<>();

    /** Loads the IG's example bundles (file name to JSON) and generates the personas' prescriptions. */
    public PrescriptionStore(FhirContext context, Map<String, String> examples) {
        examples.forEach((name, json) -> {
            if (name.startsWith("Bundle-")) {
                Bundle bundle = context.newJsonParser().parseResource(Bundle.class, json);
                addServed(bundle).forEach(number -> exampleNumbers.put(number, name));
            }
        });
        generate();
    }

    /** The example bundles' prescription numbers, with the example file each comes from. */
    public Map<String, String> exampleNumbers() {
        return Map.copyOf(exampleNumbers);
    }

    public Collection<Stored> all() {
        return byNumber.values();
    }

    public Stored get(String number) {
        return byNumber.get(number);
    }

    /** Cancels every line (status cancelled): a new version of the prescription. */
    public void cancel(String number) {
        Stored stored = Objects.requireNonNull(byNumber.get(number), "unknown prescription");
        stored.lines().forEach(line -> line.setStatus(MedicationRequest.MedicationRequestStatus.CANCELLED));
    }

    /** The prescription is withdrawn from the service: searches for it answer 410 Gone. */
    public void withdraw(String number) {
        Stored stored = Objects.requireNonNull(byNumber.get(number), "unknown prescription");
        byNumber.put(number, new Stored(number, stored.lines(), true));
    }

    /** Adds a prescription: the bundle's lines with the resources they refer to. Returns the numbers added. */
    public List<String> addServed(Bundle bundle) {
        BundleIndex index = new BundleIndex(bundle);
        Map<String, List<MedicationRequest>> groups = new LinkedHashMap<>();
        for (MedicationRequest line : index.all(MedicationRequest.class)) {
            attach(index, line, line.getSubject());
            attach(index, line, line.getRequester());
            if (line.getMedication() instanceof Reference medication) {
                attach(index, line, medication);
            }
            String number = line.hasGroupIdentifier() ? line.getGroupIdentifier().getValue() : line.getIdElement().getIdPart();
            groups.computeIfAbsent(number, k -> new ArrayList<>()).add(line);
        }
        groups.forEach((number, lines) -> byNumber.put(number, new Stored(number, List.copyOf(lines), false)));
        return List.copyOf(groups.keySet());
    }

    /** Resolves a reference in the bundle and rewrites it as {@code Type/id}, the resource attached for _include. */
    private static void attach(BundleIndex index, DomainResource from, Reference reference) {
        index.resolve(from, reference, Resource.class).ifPresent(target -> {
            reference.setReference(target.fhirType() + "/" + target.getIdElement().getIdPart());
            reference.setResource(target);
        });
    }

    /** Prescriptions of the personas, one number each: CIS + CIP with substitution refused, and a compound. */
    private void generate() {
        Practitioner doctor = new Practitioner();
        doctor.setId("practitioner-sandbox-1");
        doctor.addIdentifier().setSystem(RPPS_SYSTEM).setValue("810000000001")
                .setType(new CodeableConcept(new Coding("http://interopsante.org/CodeSystem/v2-0203", "IDNPS", null)));
        doctor.addName().setFamily("LEGRAND").addGiven("SOPHIE").addPrefix("DR");
        doctor.addQualification().setCode(new CodeableConcept(new Coding(
                "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante", "10", "Médecin")));
        int sequence = 0;
        for (InsPersona persona : InsPersona.ALL) {
            Patient patient = persona.toPatient("patient-" + persona.localId().toLowerCase());
            LocalDate day = LocalDate.of(2026, 10, 1).plusDays(7L * sequence);
            String first = "SIM" + (7000000 + 2 * sequence);
            MedicationRequest cis = line(first + "-1", first, patient, doctor, day);
            cis.setMedication(new CodeableConcept(new Coding(
                    "http://data.esante.gouv.fr/ansm/medicament/SpecialitePharmaceutique", "60234100", "DOLIPRANE 500 mg, comprimé")));
            cis.addDosageInstruction(dosage("1 comprimé 3 fois par jour si douleur", 1, "comprimé", 3, true));
            MedicationRequest cip = line(first + "-2", first, patient, doctor, day);
            cip.setMedication(new CodeableConcept(new Coding(
                    "http://data.esante.gouv.fr/ansm/medicament/Presentation", "3400935955838", "KARDEGIC 75 mg, poudre pour solution buvable en sachet")));
            cip.addDosageInstruction(dosage("1 sachet le matin", 1, "sachet", 1, false));
            cip.getSubstitution().setAllowed(new org.hl7.fhir.r4.model.BooleanType(false));
            cip.getDispenseRequest().setQuantity(new Quantity().setValue(30).setUnit("sachet"))
                    .setExpectedSupplyDuration((Duration) new Duration().setValue(30).setUnit("j").setSystem("http://unitsofmeasure.org").setCode("d"));
            store(first, cis, cip);

            String second = "SIM" + (7000001 + 2 * sequence);
            Medication compound = new Medication();
            compound.setId("medication-" + second);
            compound.getMeta().addProfile(IG + "fr-medication-compound");
            compound.addIngredient().setItem(new CodeableConcept(new Coding("http://data.esante.gouv.fr/ansm/medicament/substance",
                    "04458", "vaseline"))).setStrength(new Ratio().setNumerator(new Quantity().setValue(90).setUnit("g"))
                    .setDenominator(new Quantity().setValue(100).setUnit("g")));
            compound.addIngredient().setItem(new CodeableConcept(new Coding("http://data.esante.gouv.fr/ansm/medicament/substance",
                    "02105", "acide salicylique"))).setStrength(new Ratio().setNumerator(new Quantity().setValue(10).setUnit("g"))
                    .setDenominator(new Quantity().setValue(100).setUnit("g")));
            MedicationRequest prep = line(second + "-1", second, patient, doctor, day.plusDays(2));
            // Contained: the HAPI plain server does not _include the target of a choice-type reference (medication[x]).
            compound.setId("compound");
            prep.addContained(compound);
            prep.setMedication(new Reference("#compound"));
            prep.addDosageInstruction(dosage("une application le soir", 1, "application", 1, false));
            store(second, prep);
            sequence++;
        }
    }

    private static Reference referenceTo(Resource target) {
        Reference reference = new Reference(target.fhirType() + "/" + target.getIdElement().getIdPart());
        reference.setResource(target);
        return reference;
    }

    private void store(String number, MedicationRequest... lines) {
        byNumber.put(number, new Stored(number, List.of(lines), false));
    }

    private static MedicationRequest line(String id, String number, Patient patient, Practitioner doctor, LocalDate day) {
        MedicationRequest line = new MedicationRequest();
        line.setId(id);
        line.getMeta().addProfile(IG + "fr-medicationrequest");
        line.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        line.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        line.setGroupIdentifier(new Identifier().setSystem(NUMBER_SYSTEM).setValue(number));
        line.setSubject(referenceTo(patient));
        line.setRequester(referenceTo(doctor));
        line.setAuthoredOnElement(new DateTimeType(Date.from(day.atTime(10, 30).toInstant(ZoneOffset.UTC))));
        return line;
    }

    private static org.hl7.fhir.r4.model.Dosage dosage(String text, int dose, String unit, int perDay, boolean asNeeded) {
        org.hl7.fhir.r4.model.Dosage dosage = new org.hl7.fhir.r4.model.Dosage().setText(text);
        dosage.addDoseAndRate().setDose(new Quantity().setValue(BigDecimal.valueOf(dose)).setUnit(unit));
        dosage.getTiming().getRepeat().setFrequency(perDay).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
        if (asNeeded) {
            dosage.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(true));
        }
        dosage.setRoute(new CodeableConcept(new Coding("http://standardterms.edqm.eu", "20053000", "Voie orale")));
        return dosage;
    }

    /** The INS matricule of a stored line's patient, if it has one. */
    public static String insOf(MedicationRequest line) {
        if (line.getSubject().getResource() instanceof Patient patient) {
            return patient.getIdentifier().stream().filter(i -> ("urn:oid:" + InsPersona.INS_NIR_OID).equals(i.getSystem()))
                    .map(Identifier::getValue).findFirst().orElse(null);
        }
        return null;
    }
}
