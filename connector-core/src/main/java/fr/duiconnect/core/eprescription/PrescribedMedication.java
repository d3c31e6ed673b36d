package fr.duiconnect.core.eprescription;

import java.util.List;

/**
 * The medication of a line: a coded product or substance, a compound with its ingredients, or a free text.
 *
 * @param form        dose form (EDQM) display or code, may be null
 * @param ingredients for a compound (and for a non-compound medication that lists its substances)
 */
public record PrescribedMedication(MedicationCodeSystem system, String code, String display, String form,
                                   List<Ingredient> ingredients) {

    public PrescribedMedication {
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
    }

    /** One ingredient: its code (any of the IG's systems) and strength as text. */
    public record Ingredient(MedicationCodeSystem system, String code, String display, String strength) {
    }
}
