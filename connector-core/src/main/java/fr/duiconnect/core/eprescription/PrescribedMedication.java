package fr.duiconnect.core.eprescription;

import java.util.List;

/**
 * The medication of a line: a coded product or substance, a compound with its ingredients, or a free text.
 *
 * @param form        dose form (EDQM) display or code, may be null; {@code formCoded} in full
 * @param text        the prescriber's text of the medication (code.text), may be null
 * @param amount      for a compound: the amount prepared (e.g. 100 g, or 50 mL / 1 poche), may be null
 * @param ingredients for a compound (and for a non-compound medication that lists its substances)
 */
public record PrescribedMedication(MedicationCodeSystem system, String code, String display, String form, Coded formCoded,
                                   String text, Ratio amount, List<Ingredient> ingredients) {

    public PrescribedMedication {
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
    }

    /**
     * One ingredient: its code (any of the IG's systems) or the medication it is (a component of a perfusion), and its
     * strength.
     *
     * @param strength      the strength as text, may be null; {@code strengthRatio} typed
     * @param vehicle       the vehicle (fr-is-vehicle: the solvent of a perfusion), not an active ingredient
     * @param active        isActive as given, may be null
     * @param component     the ingredient's own medication when it refers to one (itemReference), else null
     */
    public record Ingredient(MedicationCodeSystem system, String code, String display, String strength, Ratio strengthRatio,
                             boolean vehicle, Boolean active, PrescribedMedication component) {
    }
}
