package fr.duiconnect.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.eprescription.Dosage;
import fr.duiconnect.core.eprescription.LineNote;
import fr.duiconnect.core.eprescription.LineRelation;
import fr.duiconnect.core.eprescription.SupportingInformation;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.RequestGroup;
import java.util.Set;
import fr.duiconnect.core.eprescription.LineStatus;
import fr.duiconnect.core.eprescription.MedicationCodeSystem;
import fr.duiconnect.core.eprescription.PrescribedMedication;
import fr.duiconnect.core.eprescription.PrescribedPerson;
import fr.duiconnect.core.eprescription.Prescriber;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.eprescription.PrescriptionLine;
import fr.duiconnect.core.eprescription.Quantity;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.fhir.BundleIndex;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a searchset Bundle of ePrescription IG resources to DUI-neutral {@link Prescription}s: lines grouped by
 * {@code groupIdentifier} (a line without one is a prescription of its own), patient and prescriber resolved in
 * the bundle, medication from the RUIM code systems, structured posology. Camel-free; expects validated content.
 */
public final class PrescriptionMapper {

    static final String RENDERED_DOSAGE = "http://hl7.org/fhir/5.0/StructureDefinition/extension-MedicationRequest.renderedDosageInstruction";
    static final String NOTE_SCOPE = "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/fr-medicationrequest-note-scope";
    static final String TREATMENT_INTENT = "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/fr-treatment-intent";
    static final String BIRTH_LIST_GIVEN_NAME = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name";
    static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
    static final String INSEE_CODE = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code";
    static final String UF_ROLE = "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/fr-uf-role";


    private final FhirContext context;

    public PrescriptionMapper(FhirContext context) {
        this.context = context;
    }

    /** Every prescription of the bundle, in the order of their first line. */
    public List<Prescription> map(Bundle bundle) {
        BundleIndex index = new BundleIndex(bundle);
        Map<String, List<MedicationRequest>> groups = new LinkedHashMap<>();
        for (MedicationRequest line : index.all(MedicationRequest.class)) {
            groups.computeIfAbsent(groupKey(line), k -> new ArrayList<>()).add(line);
        }
        List<Prescription> result = new ArrayList<>();
        groups.values().forEach(lines -> result.add(prescription(index, lines)));
        return result;
    }

    private static String groupKey(MedicationRequest line) {
        if (line.hasGroupIdentifier() && line.getGroupIdentifier().hasValue()) {
            return Objects.toString(line.getGroupIdentifier().getSystem(), "") + "|" + line.getGroupIdentifier().getValue();
        }
        return "line|" + line.getIdElement().getIdPart();
    }

    private Prescription prescription(BundleIndex index, List<MedicationRequest> lines) {
        MedicationRequest first = lines.get(0);
        String number = first.hasGroupIdentifier() && first.getGroupIdentifier().hasValue()
                ? first.getGroupIdentifier().getValue() : first.getIdElement().getIdPart();
        String system = first.hasGroupIdentifier() ? first.getGroupIdentifier().getSystem() : null;
        PrescribedPerson person = null;
        String subjectKey = null;
        for (MedicationRequest line : lines) {
            String key = subjectKey(index, line);
            if (subjectKey != null && !subjectKey.equals(key)) {
                throw new InvalidInputException(EPrescriptionErrorCode.SEVERAL_PATIENTS, "MedicationRequest.subject",
                        "the lines of prescription " + number + " name different patients");
            }
            subjectKey = key;
        }
        person = person(index, first);
        OffsetDateTime authoredOn = lines.stream().filter(MedicationRequest::hasAuthoredOn)
                .map(l -> OffsetDateTime.ofInstant(l.getAuthoredOn().toInstant(), offset(l)))
                .min(Comparator.naturalOrder()).orElse(null);
        List<PrescriptionLine> mapped = lines.stream().map(l -> line(index, l)).toList();
        List<LineRelation> relations = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (RequestGroup group : index.all(RequestGroup.class)) {
            if (RequestGroups.concerns(index, group, lines)) {
                relations.addAll(RequestGroups.relations(index, group, unmapped));
                unmapped.addAll(UnmappedElements.of(group, "RequestGroup/" + group.getIdElement().getIdPart(), RequestGroups.CARRIED));
            }
        }
        return new Prescription(number, system, version(lines), authoredOn, prescriber(index, first), person, mapped, relations, unmapped);
    }

    private static ZoneOffset offset(MedicationRequest line) {
        var tz = line.getAuthoredOnElement().getTimeZone();
        return tz == null ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(tz.getOffset(line.getAuthoredOn().getTime()) / 1000);
    }

    /** A digest of the lines' content without server metadata: equal for the same prescription, different after any change. */
    private String version(List<MedicationRequest> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            var parser = context.newJsonParser().setPrettyPrint(false);
            lines.stream().sorted(Comparator.comparing(l -> l.getIdElement().getIdPart())).forEach(line -> {
                MedicationRequest copy = line.copy();
                copy.setMeta(null);
                copy.setText(null);
                digest.update(parser.encodeResourceToString(copy).getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectKey(BundleIndex index, MedicationRequest line) {
        return index.resolve(line, line.getSubject(), Patient.class)
                .map(p -> p.fhirType() + "/" + p.getIdElement().getIdPart())
                .orElseGet(() -> line.getSubject().hasIdentifier()
                        ? line.getSubject().getIdentifier().getSystem() + "|" + line.getSubject().getIdentifier().getValue()
                        : line.getSubject().getReference());
    }

    private static PrescribedPerson person(BundleIndex index, MedicationRequest line) {
        Patient patient = index.resolve(line, line.getSubject(), Patient.class).orElse(null);
        if (patient == null) {
            Identifier only = line.getSubject().getIdentifier();
            if (only != null && isIns(only)) {
                return new PrescribedPerson(only.getValue(), oid(only), null, List.of(), null, null, null);
            }
            // Unknown person: mapped for display, but an import will refuse it (no INS to match).
            return new PrescribedPerson(null, null, null, List.of(), null, null, null);
        }
        Identifier ins = patient.getIdentifier().stream().filter(PrescriptionMapper::isIns).findFirst().orElse(null);
        HumanName official = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.getName().isEmpty() ? null : patient.getNameFirstRep());
        List<String> firstNames = List.of();
        String birthName = null;
        if (official != null) {
            birthName = official.getFamily();
            Extension list = official.getExtensionByUrl(BIRTH_LIST_GIVEN_NAME);
            if (list != null && list.getValue() instanceof PrimitiveType<?> text && text.getValueAsString() != null) {
                firstNames = List.of(text.getValueAsString().trim().split("\\s+"));
            } else {
                firstNames = official.getGiven().stream().map(PrimitiveType::getValue).toList();
            }
        }
        Sex sex = patient.getGender() == Enumerations.AdministrativeGender.MALE ? Sex.M
                : patient.getGender() == Enumerations.AdministrativeGender.FEMALE ? Sex.F : null;
        String birthPlace = null;
        Extension place = patient.getExtensionByUrl(BIRTH_PLACE);
        if (place != null && place.getValue() instanceof org.hl7.fhir.r4.model.Address address) {
            Extension insee = address.getExtensionByUrl(INSEE_CODE);
            if (insee != null && insee.getValue() instanceof Coding coding) {
                birthPlace = coding.getCode();
            }
        }
        return new PrescribedPerson(ins == null ? null : ins.getValue(), ins == null ? null : oid(ins), birthName, firstNames, sex,
                patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsCalendar().toZonedDateTime().toLocalDate() : null,
                birthPlace);
    }

    static boolean isIns(Identifier identifier) {
        String system = identifier.getSystem();
        if (system == null || !system.startsWith("urn:oid:") || !identifier.hasValue()) {
            return false;
        }
        try {
            InsKind.fromOid(system.substring("urn:oid:".length()));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String oid(Identifier identifier) {
        return identifier.getSystem().substring("urn:oid:".length());
    }

    private static Prescriber prescriber(BundleIndex index, MedicationRequest line) {
        Reference requester = line.getRequester();
        Practitioner practitioner = index.resolve(line, requester, Practitioner.class).orElse(null);
        String profession = null;
        String specialty = null;
        if (practitioner == null) {
            PractitionerRole role = index.resolve(line, requester, PractitionerRole.class).orElse(null);
            if (role != null) {
                practitioner = index.resolve(role, role.getPractitioner(), Practitioner.class).orElse(null);
                profession = role.getCode().stream().map(FhirValues::label).filter(Objects::nonNull).findFirst().orElse(null);
                specialty = role.getSpecialty().stream().map(FhirValues::label).filter(Objects::nonNull).findFirst().orElse(null);
            }
        }
        if (practitioner == null) {
            Identifier id = requester.getIdentifier();
            return new Prescriber(id == null ? null : id.getValue(), id == null ? null : id.getSystem(), requester.getDisplay(), List.of(),
                    null, null);
        }
        Identifier id = practitioner.getIdentifier().stream().filter(i -> "urn:oid:1.2.250.1.71.4.2.1".equals(i.getSystem()))
                .findFirst().orElse(practitioner.getIdentifier().isEmpty() ? new Identifier() : practitioner.getIdentifierFirstRep());
        HumanName name = practitioner.getName().isEmpty() ? new HumanName() : practitioner.getNameFirstRep();
        if (profession == null) {
            profession = practitioner.getQualification().stream().map(q -> FhirValues.label(q.getCode())).filter(Objects::nonNull).findFirst().orElse(null);
        }
        return new Prescriber(id.getValue(), id.getSystem(), name.getFamily(), name.getGiven().stream().map(PrimitiveType::getValue).toList(),
                profession, specialty);
    }


    /** The MedicationRequest elements the model carries (see {@link UnmappedElements}); its Dosages are {@link DosageMapper#CARRIED}. */
    static final Set<String> CARRIED = carried();

    private static Set<String> carried() {
        Set<String> carried = new java.util.HashSet<>(Set.of("status", "intent", "priority", "identifier", "groupIdentifier",
                "authoredOn", "subject", "requester", "encounter", "medicationCodeableConcept", "medicationReference", "contained",
                "note.text", "note.extension:fr-medicationrequest-note-scope",
                "extension:extension-MedicationRequest.renderedDosageInstruction", "extension:fr-treatment-intent",
                "supportingInformation", "dispenseRequest.validityPeriod", "dispenseRequest.quantity",
                "dispenseRequest.numberOfRepeatsAllowed", "dispenseRequest.expectedSupplyDuration",
                "substitution.allowedBoolean", "substitution.allowedCodeableConcept"));
        DosageMapper.CARRIED.forEach(path -> carried.add("dosageInstruction." + path));
        return Set.copyOf(carried);
    }

    private PrescriptionLine line(BundleIndex index, MedicationRequest line) {
        var dispense = line.getDispenseRequest();
        Period validity = dispense.getValidityPeriod();
        boolean substitutionAllowed = true;
        if (line.hasSubstitution()) {
            Type allowed = line.getSubstitution().getAllowed();
            if (allowed instanceof org.hl7.fhir.r4.model.BooleanType flag) {
                substitutionAllowed = flag.booleanValue();
            } else if (allowed instanceof CodeableConcept concept) {
                substitutionAllowed = concept.getCoding().stream().noneMatch(c -> "N".equals(c.getCode()) || "NONE".equalsIgnoreCase(c.getCode()));
            }
        }
        List<Dosage> dosages = line.getDosageInstruction().stream().map(d -> DosageMapper.dosage(index, line, d)).toList();
        List<LineNote> notes = line.getNote().stream().filter(n -> n.getText() != null).map(n -> {
            Extension scope = n.getExtensionByUrl(NOTE_SCOPE);
            return new LineNote(n.getText(), scope == null ? null : valueText(scope.getValue()));
        }).toList();
        Extension intent = line.getExtensionByUrl(TREATMENT_INTENT);
        List<Medication> involved = new ArrayList<>();
        PrescribedMedication medication = MedicationMapper.of(index, line, involved);
        List<String> unmapped = new ArrayList<>(UnmappedElements.of(line, "", CARRIED));
        for (Medication m : involved) {
            unmapped.addAll(UnmappedElements.of(m, "Medication/" + m.getIdElement().getIdPart(), MedicationMapper.CARRIED));
        }
        return new PrescriptionLine(line.getIdElement().getIdPart(),
                line.hasStatus() ? LineStatus.fromFhir(line.getStatus().toCode()) : LineStatus.UNKNOWN,
                line.hasIntent() ? line.getIntent().toCode() : null,
                medication, dosages, dosageText(line, dosages),
                dispense.hasExpectedSupplyDuration() ? FhirValues.text(FhirValues.quantity(dispense.getExpectedSupplyDuration())) : null,
                validity.hasStart() ? validity.getStartElement().getValueAsString() : null,
                validity.hasEnd() ? validity.getEndElement().getValueAsString() : null,
                dispense.hasQuantity() ? FhirValues.quantity(dispense.getQuantity()) : null,
                dispense.hasNumberOfRepeatsAllowed() ? dispense.getNumberOfRepeatsAllowed() : null,
                substitutionAllowed, intent == null ? null : valueText(intent.getValue()), notes,
                line.hasPriority() ? line.getPriority().toCode() : null,
                line.getIdentifier().stream().map(PrescriptionMapper::identifierText).toList(),
                line.hasEncounter() ? referenceText(line.getEncounter()) : null,
                line.getSupportingInformation().stream().map(r -> supporting(index, line, r)).toList(), unmapped);
    }

    private static String identifierText(Identifier identifier) {
        return (identifier.hasSystem() ? identifier.getSystem() + "|" : "") + identifier.getValue();
    }

    private static String referenceText(Reference reference) {
        return reference.hasIdentifier() ? identifierText(reference.getIdentifier()) : reference.getReference();
    }

    /** What the line relies on; an Observation of the bundle (weight, height) with its value. */
    private static SupportingInformation supporting(BundleIndex index, MedicationRequest line, Reference reference) {
        Extension role = reference.getExtensionByUrl(UF_ROLE);
        String value = index.resolve(line, reference, Observation.class).map(o -> o.getCode().getCodingFirstRep().getCode() + " = "
                + (o.getValue() instanceof org.hl7.fhir.r4.model.Quantity q ? FhirValues.text(FhirValues.quantity(q)) : valueText(o.getValue())))
                .orElse(null);
        String type = reference.hasType() ? reference.getType()
                : index.resolve(line, reference, org.hl7.fhir.r4.model.Resource.class).map(r -> r.fhirType()).orElse(null);
        return new SupportingInformation(type, referenceText(reference), role == null ? null : valueText(role.getValue()), value);
    }

    private static String dosageText(MedicationRequest line, List<Dosage> dosages) {
        Extension rendered = line.getExtensionByUrl(RENDERED_DOSAGE);
        if (rendered != null && rendered.getValue() instanceof PrimitiveType<?> text) {
            return text.getValueAsString();
        }
        for (var note : line.getNote()) {
            Extension scope = note.getExtensionByUrl(NOTE_SCOPE);
            if (scope != null && scope.getValue() instanceof PrimitiveType<?> code && "LIPRESCTXT".equals(code.getValueAsString())) {
                return note.getText();
            }
        }
        List<String> texts = dosages.stream().map(Dosage::text).filter(Objects::nonNull).toList();
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    private static String valueText(Type value) {
        if (value instanceof CodeableConcept concept) {
            return FhirValues.label(concept);
        }
        if (value instanceof Coding coding) {
            return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
        }
        return value instanceof PrimitiveType<?> primitive ? primitive.getValueAsString() : null;
    }

}
