package fr.duiconnect.ins.rules;

import fr.duiconnect.core.model.IdentityTraits;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares the traits INSi returned (TIQ) with the DUI's: birth name, first names (list), sex, birth date and,
 * when both have it, birth place. The first prénom is compared treating hyphens and apostrophes as spaces
 * (Guide INS v3.0 EXI ID 10 as quoted in the spec).
 */
public final class TraitComparison {

    private TraitComparison() {
    }

    /** The differing traits by name; empty when they match. */
    public static List<String> differences(IdentityTraits local, IdentityTraits returned) {
        List<String> differences = new ArrayList<>();
        if (!local.birthName().equals(returned.birthName())) {
            differences.add("birthName");
        }
        if (!comparable(local.firstNamesAsList()).startsWith(comparable(returned.firstFirstName()))
                && !comparable(returned.firstNamesAsList()).startsWith(comparable(local.firstFirstName()))) {
            differences.add("firstNames");
        }
        if (local.sex() != returned.sex()) {
            differences.add("sex");
        }
        if (!local.birthDate().equals(returned.birthDate())) {
            differences.add("birthDate");
        }
        if (local.birthPlaceCog() != null && returned.birthPlaceCog() != null && !local.birthPlaceCog().equals(returned.birthPlaceCog())) {
            differences.add("birthPlaceCog");
        }
        return differences;
    }

    private static String comparable(String text) {
        return text.replace('-', ' ').replace('\'', ' ').trim();
    }
}
