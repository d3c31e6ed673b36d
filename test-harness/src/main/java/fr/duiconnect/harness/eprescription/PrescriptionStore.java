package fr.duiconnect.harness.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.fhir.BundleIndex;
import fr.duiconnect.fhir.FhirContent;
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
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    static final String UCUM = "http://unitsofmeasure.org";

    /**
     * A prescription: its number, its lines (MedicationRequests with their subject and requester attached), the other
     * resources its lines refer to (Medications, their components, Observations: served as {@code _include}) and its
     * RequestGroups (alternatives, sequences: served as {@code _revinclude=RequestGroup:subject}).
     */
    public record Stored(String number, List<MedicationRequest> lines, boolean withdrawn, List<Resource> included,
                         List<RequestGroup> groups) {
        public Stored {
            included = included == null ? List.of() : List.copyOf(included);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        Stored asWithdrawn() {
            return new Stored(number, lines, true, included, groups);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PrescriptionStore.class);

    private final Map<String, Stored> byNumber = new ConcurrentHashMap<>();
    private final Map<String, String> exampleNumbers = new LinkedHashMap<>();
    private final Map<String, List<String>> repairs = new LinkedHashMap<>();

    /** Loads the IG's example bundles (file name to JSON) and generates the personas' prescriptions. */
    public PrescriptionStore(FhirContext context, Map<String, String> examples) {
        new java.util.TreeMap<>(examples).forEach((name, json) -> {
            if (name.startsWith("Bundle-")) {
                // The IG's own examples have defects (dangling #references...): served as they are for the importer to
                // refuse, and said once at DEBUG, not as a parser WARN per reference on every start.
                FhirContent.Parsed<Bundle> parsed = FhirContent.parse(context, json, Bundle.class);
                if (!parsed.issues().isEmpty()) {
                    LOG.debug("IG example {}: {} parser finding(s): {}", name, parsed.issues().size(), parsed.issues());
                }
                Bundle bundle = parsed.resource();
                if (bundle == null) {
                    return;
                }
                List<String> repaired = new ArrayList<>();
                addServed(context, bundle, repaired).forEach(number -> exampleNumbers.put(number, name));
                repairs.put(name, List.copyOf(repaired));
            }
        });
        generate();
    }

    /**
     * What serving each IG example repaired, by example file: only what the example itself gets wrong as served content
     * (a {@code #id} reference, which names a contained resource, to a resource that is an entry of the bundle: served
     * as {@code Type/id}). Other defects (a reference to nothing, a value outside its value set) are served as they are,
     * for the importer to refuse.
     */
    public Map<String, List<String>> repairs() {
        return java.util.Collections.unmodifiableMap(repairs);
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
        byNumber.put(number, stored.asWithdrawn());
    }

    /** Adds a prescription: the bundle's lines with the resources they refer to. Returns the numbers added. */
    public List<String> addServed(FhirContext context, Bundle bundle, List<String> repaired) {
        BundleIndex index = new BundleIndex(bundle);
        var terser = context.newTerser();
        for (Resource resource : index.resources()) {
            if (resource instanceof DomainResource from) {
                for (Reference reference : terser.getAllPopulatedChildElementsOfType(from, Reference.class)) {
                    serveAsEntry(index, from, reference, repaired);
                }
            }
        }
        List<String> served = new ArrayList<>();
        Map<String, List<MedicationRequest>> groups = new LinkedHashMap<>();
        for (MedicationRequest line : index.all(MedicationRequest.class)) {
            String number = line.hasGroupIdentifier() ? line.getGroupIdentifier().getValue() : line.getIdElement().getIdPart();
            groups.computeIfAbsent(number, k -> new ArrayList<>()).add(line);
        }
        groups.forEach((groupNumber, lines) -> {
            // Some IG examples share a prescription number: each is served under its own (number~2, ~3...).
            String number = groupNumber;
            for (int n = 2; byNumber.containsKey(number); n++) {
                number = groupNumber + "~" + n;
            }
            if (!number.equals(groupNumber)) {
                String own = number;
                lines.forEach(line -> line.getGroupIdentifier().setValue(own));
                repaired.add("prescription number " + groupNumber + " is another example's too: served as " + own);
            }
            List<Resource> included = new ArrayList<>();
            lines.forEach(line -> collect(terser, line, included));
            included.removeIf(r -> r instanceof Patient || r instanceof Practitioner || r instanceof MedicationRequest);
            List<RequestGroup> requestGroups = index.all(RequestGroup.class).stream().filter(g -> g.getAction().stream()
                    .anyMatch(a -> lines.stream().anyMatch(l -> a.getResource().getResource() == l))).toList();
            byNumber.put(number, new Stored(number, List.copyOf(lines), false, included, requestGroups));
            served.add(number);
        });
        return served;
    }

    /** A reference to an entry of the bundle, served as {@code Type/id} with its target attached; a repair when it was {@code #id}. */
    private static void serveAsEntry(BundleIndex index, DomainResource from, Reference reference, List<String> repaired) {
        if (!reference.hasReference()) {
            return;
        }
        String before = reference.getReference();
        boolean contained = before.startsWith("#") && from.getContained().stream()
                .anyMatch(c -> before.substring(1).equals(c.getIdElement().getIdPart()));
        if (contained) {
            return;
        }
        index.resolve(from, reference, Resource.class).ifPresent(target -> {
            String served = target.fhirType() + "/" + target.getIdElement().getIdPart();
            reference.setReference(served);
            reference.setResource(target);
            if (before.startsWith("#")) {
                repaired.add(from.fhirType() + "/" + from.getIdElement().getIdPart() + ": '" + before
                        + "' names no contained resource; the bundle entry " + served + " is meant");
            }
        });
    }

    /** Every resource reachable from the line through its references (Medication, its components, Observations...). */
    private static void collect(ca.uhn.fhir.util.FhirTerser terser, DomainResource from, List<Resource> into) {
        for (Reference reference : terser.getAllPopulatedChildElementsOfType(from, Reference.class)) {
            if (reference.getResource() instanceof DomainResource target && into.stream().noneMatch(r -> r == target)) {
                into.add(target);
                collect(terser, target, into);
            }
        }
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
            org.hl7.fhir.r4.model.Dosage painRelief = dosage("1 comprimé 3 fois par jour si douleur, 6 comprimés par 24 h au plus",
                    1, "comprimé", 3, true);
            painRelief.setMaxDosePerPeriod(new Ratio().setNumerator(new Quantity().setValue(6).setUnit("comprimé"))
                    .setDenominator(new Quantity().setValue(24).setUnit("h").setSystem(UCUM).setCode("h")));
            painRelief.setMaxDosePerAdministration(new Quantity().setValue(2).setUnit("comprimé"));
            painRelief.addAdditionalInstruction().setText("Délai minimum entre 2 prises : 4 h");
            cis.addDosageInstruction(painRelief);
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
            alternatives("SIM" + (8000000 + sequence), patient, doctor, day.plusDays(4));
            sequence++;
        }
    }

    /**
     * A prescription with two alternative lines (intent option) and its RequestGroup: metformin, or gliclazide "en cas
     * d'intolérance digestive" — one or the other, never both.
     */
    private void alternatives(String number, Patient patient, Practitioner doctor, LocalDate day) {
        MedicationRequest metformin = line(number + "-1", number, patient, doctor, day);
        metformin.setIntent(MedicationRequest.MedicationRequestIntent.OPTION);
        metformin.setMedication(new CodeableConcept(new Coding("http://data.esante.gouv.fr/ansm/medicament/UCD", "3400890020275",
                "METFORMINE ACC 1000MG CPR")));
        metformin.addDosageInstruction(dosage("1/2 comprimé matin et soir au cours des repas", 1, "comprimé", 2, false));
        MedicationRequest gliclazide = line(number + "-2", number, patient, doctor, day);
        gliclazide.setIntent(MedicationRequest.MedicationRequestIntent.OPTION);
        gliclazide.setMedication(new CodeableConcept(new Coding("http://data.esante.gouv.fr/ansm/medicament/UCD", "3400893541364",
                "GLICLAZIDE ARW 30MG CPR LM")));
        gliclazide.addDosageInstruction(dosage("3 comprimés au petit déjeuner", 3, "comprimé", 1, false));
        RequestGroup group = new RequestGroup();
        group.setId("requestgroup-" + number);
        group.getMeta().addProfile(IG + "fr-requestgroup-for-prescription");
        group.setGroupIdentifier(new Identifier().setSystem(NUMBER_SYSTEM).setValue(number));
        group.setStatus(RequestGroup.RequestStatus.ACTIVE).setIntent(RequestGroup.RequestIntent.ORDER)
                .setPriority(RequestGroup.RequestPriority.ROUTINE);
        group.setSubject(referenceTo(patient));
        alternative(group, "alt-1", "Sans intolérance digestive", metformin, "alt-2");
        alternative(group, "alt-2", "En cas d'intolérance digestive à la metformine", gliclazide, "alt-1");
        byNumber.put(number, new Stored(number, List.of(metformin, gliclazide), false, List.of(), List.of(group)));
    }

    private static void alternative(RequestGroup group, String id, String condition, MedicationRequest line, String otherAction) {
        RequestGroup.RequestGroupActionComponent action = group.addAction().setDescription(condition);
        action.setId(id);
        action.setResource(referenceTo(line));
        var related = action.addRelatedAction().setActionId(otherAction).setRelationship(RequestGroup.ActionRelationshipType.CONCURRENT);
        related.addExtension(IG + "fr-additional-action-relationship", new org.hl7.fhir.r4.model.CodeType("ALT"));
    }

    private static Reference referenceTo(Resource target) {
        Reference reference = new Reference(target.fhirType() + "/" + target.getIdElement().getIdPart());
        reference.setResource(target);
        return reference;
    }

    private void store(String number, MedicationRequest... lines) {
        byNumber.put(number, new Stored(number, List.of(lines), false, List.of(), List.of()));
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
