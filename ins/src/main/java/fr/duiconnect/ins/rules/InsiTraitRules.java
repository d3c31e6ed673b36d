package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.ins.InsErrorCode;

/**
 * The character rules of traits sent to INSi (SEL-MP-043 §2 and §3.4.1 as quoted in shared/specs/ins.md §2.4).
 * A trait that breaks them is refused, never rewritten: {@link TraitNormaliser} may propose a form for the user to
 * confirm. Messages name the field, the position and the character, not the whole value.
 */
public final class InsiTraitRules {

    private InsiTraitRules() {
    }

    /** Checks every trait INSi receives: nom de naissance and each prénom of the birth certificate. */
    public static void check(IdentityTraits traits) {
        checkBirthName(traits.birthName());
        for (int i = 0; i < traits.firstNames().size(); i++) {
            checkFirstName(traits.firstNames().get(i), "firstNames[" + i + "]");
        }
    }

    public static void checkBirthName(String value) {
        check(value, "birthName", true);
    }

    public static void checkFirstName(String value, String field) {
        check(value, field, false);
        char last = value.charAt(value.length() - 1);
        if (last == '\'') {
            throw new InvalidInputException(InsErrorCode.TRAIT_TRAILING, field, "a prénom cannot end with an apostrophe");
        }
    }

    private static void check(String value, String field, boolean birthName) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(InsErrorCode.TRAIT_MISSING, field, "is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != ' ' && c != '\'' && c != '-') {
                throw new InvalidInputException(InsErrorCode.TRAIT_CHARACTER, field,
                        "character " + describe(c) + " at position " + (i + 1) + " is not allowed (only A-Z, space, ' and -)");
            }
        }
        char first = value.charAt(0);
        if (first == ' ' || first == '-') {
            throw new InvalidInputException(InsErrorCode.TRAIT_LEADING, field, "starts with " + describe(first));
        }
        char last = value.charAt(value.length() - 1);
        if (last == ' ' || last == '-') {
            throw new InvalidInputException(InsErrorCode.TRAIT_TRAILING, field, "ends with " + describe(last));
        }
        for (int i = 1; i < value.length(); i++) {
            char previous = value.charAt(i - 1);
            char current = value.charAt(i);
            boolean spaceOrApostrophe = (previous == ' ' || previous == '\'') && (current == ' ' || current == '\'');
            if (spaceOrApostrophe) {
                throw new InvalidInputException(InsErrorCode.TRAIT_DOUBLED, field,
                        describe(previous) + " followed by " + describe(current) + " at position " + i);
            }
            boolean hyphenNextToSeparator = (previous == '-' && (current == ' ' || current == '\''))
                    || ((previous == ' ' || previous == '\'') && current == '-');
            if (hyphenNextToSeparator) {
                throw new InvalidInputException(InsErrorCode.TRAIT_DOUBLED, field,
                        describe(previous) + " followed by " + describe(current) + " at position " + i);
            }
        }
        if (value.contains("---")) {
            throw new InvalidInputException(InsErrorCode.TRAIT_DOUBLE_HYPHEN, field, "has more than two hyphens in a row");
        }
        if (!birthName && value.contains("--")) {
            throw new InvalidInputException(InsErrorCode.TRAIT_DOUBLE_HYPHEN, field, "a double hyphen is allowed in the nom de naissance only");
        }
    }

    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\'' -> "an apostrophe";
            case '-' -> "a hyphen";
            case '\u2019' -> "'\u2019' (typographic apostrophe; use ')";
            default -> "'" + c + "' (U+" + String.format("%04X", (int) c) + ")";
        };
    }
}
