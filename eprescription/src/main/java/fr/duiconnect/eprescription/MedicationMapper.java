package fr.duiconnect.eprescription;

import fr.duiconnect.core.eprescription.MedicationCodeSystem;
import fr.duiconnect.core.eprescription.PrescribedMedication;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.fhir.BundleIndex;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static fr.duiconnect.eprescription.FhirValues.coded;
import static fr.duiconnect.eprescription.FhirValues.label;
import static fr.duiconnect.eprescription.FhirValues.ratio;

/**
 * Maps a line's medication: a RUIM code, or the Medication it refers to (coded product, compound with its amount and
 * ingredients, each with its strength, vehicle flag and, for a perfusion, its own medication). Camel-free.
 */
final class MedicationMapper {

    static final String COMPOUND_PROFILE = "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/fr-medication-compound";
    static final String IS_VEHICLE = "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/fr-is-vehicle";

    /** The Medication elements the model carries (see {@link UnmappedElements}). */
    static final Set<String> CARRIED = Set.of("code", "form", "amount", "ingredient.itemCodeableConcept", "ingredient.itemReference",
            "ingredient.strength", "ingredient.isActive", "ingredient.extension:fr-is-vehicle");

    private static final List<MedicationCodeSystem> PREFERENCE = List.of(MedicationCodeSystem.CIP, MedicationCodeSystem.UCD,
            MedicationCodeSystem.CIS, MedicationCodeSystem.SMS, MedicationCodeSystem.SUBSTANCE, MedicationCodeSystem.MEDICABASE);

    private MedicationMapper() {
    }

    /** The medication of the line; the Medications it involves are added to {@code involved} (to look for unmapped elements). */
    static PrescribedMedication of(BundleIndex index, MedicationRequest line, List<Medication> involved) {
        Type medication = line.getMedication();
        if (medication instanceof CodeableConcept concept) {
            return product(concept, null, null, List.of());
        }
        Reference reference = (Reference) medication;
        Medication resolved = index.resolve(line, reference, Medication.class).orElseThrow(() -> new InvalidInputException(
                EPrescriptionErrorCode.MEDICATION_UNRESOLVED, "MedicationRequest.medicationReference",
                "line " + line.getIdElement().getIdPart() + " refers to a Medication absent from the bundle"));
        return medication(index, resolved, involved, 0);
    }

    private static PrescribedMedication medication(BundleIndex index, Medication resolved, List<Medication> involved, int depth) {
        involved.add(resolved);
        List<PrescribedMedication.Ingredient> ingredients = new ArrayList<>();
        for (var ingredient : resolved.getIngredient()) {
            String strength = ingredient.hasStrength() ? ratio(ingredient.getStrength()).toString() : null;
            Extension vehicleFlag = ingredient.getExtensionByUrl(IS_VEHICLE);
            boolean vehicle = vehicleFlag != null && vehicleFlag.getValue() instanceof BooleanType flag && flag.booleanValue();
            Boolean active = ingredient.hasIsActive() ? ingredient.getIsActive() : null;
            if (ingredient.getItem() instanceof CodeableConcept item) {
                Coding coding = knownCoding(item);
                ingredients.add(new PrescribedMedication.Ingredient(coding == null ? MedicationCodeSystem.FREE_TEXT
                        : MedicationCodeSystem.ofSystem(coding.getSystem()), coding == null ? null : coding.getCode(),
                        coding != null && coding.hasDisplay() ? coding.getDisplay() : item.getText(), strength,
                        ratio(ingredient.getStrength()), vehicle, active, null));
            } else if (ingredient.getItem() instanceof Reference ref) {
                // A perfusion's component is a Medication of its own (e.g. cefotaxime in its solvent).
                PrescribedMedication component = depth > 3 ? null : index.resolve(resolved, ref, Medication.class)
                        .map(m -> medication(index, m, involved, depth + 1)).orElse(null);
                ingredients.add(new PrescribedMedication.Ingredient(component == null ? MedicationCodeSystem.FREE_TEXT : component.system(),
                        component == null ? null : component.code(), component == null ? ref.getDisplay() : component.display(),
                        strength, ratio(ingredient.getStrength()), vehicle, active, component));
            }
        }
        boolean compound = resolved.getMeta().getProfile().stream().anyMatch(p -> p.getValue().startsWith(COMPOUND_PROFILE))
                || (!resolved.hasCode() && ingredients.size() > 1);
        if (compound) {
            return new PrescribedMedication(MedicationCodeSystem.COMPOUND, null, resolved.hasCode() ? label(resolved.getCode()) : null,
                    resolved.hasForm() ? label(resolved.getForm()) : null, coded(resolved.getForm()),
                    resolved.getCode().getText(), ratio(resolved.getAmount()), ingredients);
        }
        return product(resolved.getCode(), resolved.hasForm() ? resolved.getForm() : null, resolved.getAmount(), ingredients);
    }

    private static PrescribedMedication product(CodeableConcept concept, CodeableConcept form, org.hl7.fhir.r4.model.Ratio amount,
                                              List<PrescribedMedication.Ingredient> ingredients) {
        Coding coding = knownCoding(concept);
        String formLabel = form == null ? null : label(form);
        if (coding == null) {
            return new PrescribedMedication(MedicationCodeSystem.FREE_TEXT, null, concept.hasText() ? concept.getText() : label(concept),
                    formLabel, coded(form), concept.getText(), ratio(amount), ingredients);
        }
        return new PrescribedMedication(MedicationCodeSystem.ofSystem(coding.getSystem()), coding.getCode(),
                coding.hasDisplay() ? coding.getDisplay() : concept.getText(), formLabel, coded(form), concept.getText(), ratio(amount),
                ingredients);
    }

    /** The first coding from one of the IG's systems, preferring the most precise (CIP, UCD, CIS, then substances). */
    private static Coding knownCoding(CodeableConcept concept) {
        return concept.getCoding().stream().filter(c -> MedicationCodeSystem.ofSystem(c.getSystem()) != null)
                .min(Comparator.comparing(c -> PREFERENCE.indexOf(MedicationCodeSystem.ofSystem(c.getSystem()))))
                .orElse(null);
    }
}
