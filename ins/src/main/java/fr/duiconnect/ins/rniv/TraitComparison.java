package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.model.IdentityTraits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares the traits INSi returned (TIQ) with the person's local ones: nom de naissance, first prénom (which must
 * start the INSi list, hyphens and apostrophes counted as spaces — Guide INS EXI ID 10 as quoted), sex, birth date,
 * and the COG when both sides have one. Used names are local and never compared.
 */
public record TraitComparison(List<String> differingFields) {

    public TraitComparison {
        differingFields = List.copyOf(differingFields);
    }

    public static TraitComparison of(IdentityTraits local, IdentityTraits returned) {
        List<String> diffs = new ArrayList<>();
        if (!simplify(local.birthName()).equals(simplify(returned.birthName()))) {
            diffs.add("birthName");
        }
        String list = simplify(returned.firstNamesAsList()) + " ";
        if (!list.startsWith(simplify(local.firstFirstName()) + " ")) {
            diffs.add("firstNames");
        }
        if (local.sex() != returned.sex()) {
            diffs.add("sex");
        }
        if (!local.birthDate().equals(returned.birthDate())) {
            diffs.add("birthDate");
        }
        if (local.birthPlaceCog() != null && returned.birthPlaceCog() != null
                && !local.birthPlaceCog().equals(returned.birthPlaceCog())) {
            diffs.add("birthPlaceCog");
        }
        return new TraitComparison(diffs);
    }

    public boolean matches() {
        return differingFields.isEmpty();
    }

    private static String simplify(String s) {
        return s.toUpperCase(Locale.ROOT).replace('-', ' ').replace('\'', ' ').replaceAll(" +", " ").strip();
    }
}
