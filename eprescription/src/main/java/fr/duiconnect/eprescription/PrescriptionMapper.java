package fr.duiconnect.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.eprescription.Dosage;
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
    static final String COMPOUND_PROFILE = "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/fr-medication-compound";

    private static final List<MedicationCodeSystem> PREFERENCE = List.of(MedicationCodeSystem.CIP, MedicationCodeSystem.UCD,
            MedicationCodeSystem.CIS, MedicationCodeSystem.SMS, MedicationCodeSystem.SUBSTANCE, MedicationCodeSystem.MEDICABASE);

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
        return new Prescription(number, system, version(lines), authoredOn, prescriber(index, first), person, mapped);
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
                profession = role.getCode().stream().map(PrescriptionMapper::label).filter(Objects::nonNull).findFirst().orElse(null);
                specialty = role.getSpecialty().stream().map(PrescriptionMapper::label).filter(Objects::nonNull).findFirst().orElse(null);
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
            profession = practitioner.getQualification().stream().map(q -> label(q.getCode())).filter(Objects::nonNull).findFirst().orElse(null);
        }
        return new Prescriber(id.getValue(), id.getSystem(), name.getFamily(), name.getGiven().stream().map(PrimitiveType::getValue).toList(),
                profession, specialty);
    }

    private static String label(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            if (coding.hasDisplay()) {
                return coding.getDisplay();
            }
            if (coding.hasCode()) {
                return coding.getCode();
            }
        }
        return concept.getText();
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
        List<Dosage> dosages = line.getDosageInstruction().stream().map(PrescriptionMapper::dosage).toList();
        List<String> notes = line.getNote().stream().map(n -> n.getText()).filter(Objects::nonNull).toList();
        Extension intent = line.getExtensionByUrl(TREATMENT_INTENT);
        return new PrescriptionLine(line.getIdElement().getIdPart(),
                line.hasStatus() ? LineStatus.fromFhir(line.getStatus().toCode()) : LineStatus.UNKNOWN,
                line.hasIntent() ? line.getIntent().toCode() : null,
                medication(index, line), dosages, dosageText(line, dosages),
                dispense.hasExpectedSupplyDuration() ? quantityText(dispense.getExpectedSupplyDuration()) : null,
                validity.hasStart() ? validity.getStartElement().getValueAsString() : null,
                validity.hasEnd() ? validity.getEndElement().getValueAsString() : null,
                dispense.hasQuantity() ? quantity(dispense.getQuantity()) : null,
                dispense.hasNumberOfRepeatsAllowed() ? dispense.getNumberOfRepeatsAllowed() : null,
                substitutionAllowed, intent == null ? null : valueText(intent.getValue()), notes);
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
            return label(concept);
        }
        if (value instanceof Coding coding) {
            return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
        }
        return value instanceof PrimitiveType<?> primitive ? primitive.getValueAsString() : null;
    }

    private PrescribedMedication medication(BundleIndex index, MedicationRequest line) {
        Type medication = line.getMedication();
        if (medication instanceof CodeableConcept concept) {
            return coded(concept, null, List.of());
        }
        Reference reference = (Reference) medication;
        Medication resolved = index.resolve(line, reference, Medication.class).orElseThrow(() -> new InvalidInputException(
                EPrescriptionErrorCode.MEDICATION_UNRESOLVED, "MedicationRequest.medicationReference",
                "line " + line.getIdElement().getIdPart() + " refers to a Medication absent from the bundle"));
        String form = resolved.hasForm() ? label(resolved.getForm()) : null;
        List<PrescribedMedication.Ingredient> ingredients = new ArrayList<>();
        for (var ingredient : resolved.getIngredient()) {
            String strength = ingredient.hasStrength() ? ratioText(ingredient.getStrength()) : null;
            if (ingredient.getItem() instanceof CodeableConcept item) {
                Coding coding = knownCoding(item);
                ingredients.add(new PrescribedMedication.Ingredient(coding == null ? MedicationCodeSystem.FREE_TEXT
                        : MedicationCodeSystem.ofSystem(coding.getSystem()), coding == null ? null : coding.getCode(),
                        coding != null && coding.hasDisplay() ? coding.getDisplay() : item.getText(), strength));
            } else if (ingredient.getItem() instanceof Reference ref) {
                ingredients.add(new PrescribedMedication.Ingredient(MedicationCodeSystem.FREE_TEXT, null, ref.getDisplay(), strength));
            }
        }
        boolean compound = resolved.getMeta().getProfile().stream().anyMatch(p -> p.getValue().startsWith(COMPOUND_PROFILE))
                || (!resolved.hasCode() && ingredients.size() > 1);
        if (compound) {
            return new PrescribedMedication(MedicationCodeSystem.COMPOUND, null,
                    resolved.hasCode() ? label(resolved.getCode()) : null, form, ingredients);
        }
        return coded(resolved.getCode(), form, ingredients);
    }

    private static PrescribedMedication coded(CodeableConcept concept, String form, List<PrescribedMedication.Ingredient> ingredients) {
        Coding coding = knownCoding(concept);
        if (coding == null) {
            String text = concept.hasText() ? concept.getText() : label(concept);
            return new PrescribedMedication(MedicationCodeSystem.FREE_TEXT, null, text, form, ingredients);
        }
        return new PrescribedMedication(MedicationCodeSystem.ofSystem(coding.getSystem()), coding.getCode(),
                coding.hasDisplay() ? coding.getDisplay() : concept.getText(), form, ingredients);
    }

    /** The first coding from one of the IG's systems, preferring the most precise (CIP, UCD, CIS, then substances). */
    private static Coding knownCoding(CodeableConcept concept) {
        return concept.getCoding().stream().filter(c -> MedicationCodeSystem.ofSystem(c.getSystem()) != null)
                .min(Comparator.comparing(c -> PREFERENCE.indexOf(MedicationCodeSystem.ofSystem(c.getSystem()))))
                .orElse(null);
    }

    private static Dosage dosage(org.hl7.fhir.r4.model.Dosage dosage) {
        Quantity low = null;
        Quantity high = null;
        String rate = null;
        if (dosage.hasDoseAndRate()) {
            var doseAndRate = dosage.getDoseAndRateFirstRep();
            if (doseAndRate.getDose() instanceof SimpleQuantity q || doseAndRate.getDose() instanceof org.hl7.fhir.r4.model.Quantity) {
                low = quantity((org.hl7.fhir.r4.model.Quantity) doseAndRate.getDose());
            } else if (doseAndRate.getDose() instanceof Range range) {
                low = range.hasLow() ? quantity(range.getLow()) : null;
                high = range.hasHigh() ? quantity(range.getHigh()) : null;
            }
            Type r = doseAndRate.getRate();
            if (r instanceof Ratio ratio) {
                rate = ratioText(ratio);
            } else if (r instanceof Range range) {
                rate = quantityText(range.getLow()) + " - " + quantityText(range.getHigh());
            } else if (r instanceof org.hl7.fhir.r4.model.Quantity q) {
                rate = quantityText(q);
            }
        }
        Timing.TimingRepeatComponent repeat = dosage.getTiming().getRepeat();
        Integer frequency = null;
        if (repeat.hasFrequency()) {
            frequency = repeat.getFrequency();
        } else if (repeat.hasFrequencyMax()) {
            frequency = repeat.getFrequencyMax();
        }
        String start = null;
        String end = null;
        String duration = null;
        if (repeat.getBounds() instanceof Period period) {
            start = period.hasStart() ? period.getStartElement().getValueAsString() : null;
            end = period.hasEnd() ? period.getEndElement().getValueAsString() : null;
        } else if (repeat.getBounds() instanceof Duration d) {
            duration = quantityText(d);
        }
        boolean asNeeded = false;
        String asNeededFor = null;
        if (dosage.getAsNeeded() instanceof org.hl7.fhir.r4.model.BooleanType flag) {
            asNeeded = flag.booleanValue();
        } else if (dosage.getAsNeeded() instanceof CodeableConcept concept) {
            asNeeded = true;
            asNeededFor = concept.hasText() ? concept.getText() : label(concept);
        }
        return new Dosage(dosage.hasSequence() ? dosage.getSequence() : null, dosage.getText(), low, high, rate, frequency,
                repeat.hasPeriod() ? repeat.getPeriod() : null, repeat.hasPeriodUnit() ? repeat.getPeriodUnit().toCode() : null,
                repeat.getWhen().stream().map(w -> w.getValue() == null ? w.getValueAsString() : w.getValue().toCode()).toList(),
                repeat.getTimeOfDay().stream().map(PrimitiveType::getValueAsString).toList(),
                repeat.getDayOfWeek().stream().map(d -> d.getValue().toCode()).toList(),
                dosage.hasRoute() ? label(dosage.getRoute()) : null,
                dosage.hasRoute() && dosage.getRoute().hasCoding() ? dosage.getRoute().getCodingFirstRep().getCode() : null,
                asNeeded, asNeededFor, start, end, duration);
    }

    private static Quantity quantity(org.hl7.fhir.r4.model.Quantity q) {
        return new Quantity(q.getValue(), q.hasUnit() ? q.getUnit() : q.getCode(), q.getCode(), q.getSystem());
    }

    private static String quantityText(org.hl7.fhir.r4.model.Quantity q) {
        if (q == null || !q.hasValue()) {
            return "";
        }
        return q.getValue().toPlainString() + " " + (q.hasUnit() ? q.getUnit() : Objects.toString(q.getCode(), ""));
    }

    private static String ratioText(Ratio ratio) {
        return quantityText(ratio.getNumerator()).trim() + " / " + quantityText(ratio.getDenominator()).trim();
    }
}
