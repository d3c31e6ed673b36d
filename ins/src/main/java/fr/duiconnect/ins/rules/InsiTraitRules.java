package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.ins.model.InsErrorCode;

import java.text.Normalizer;

/**
 * The INSi character rules, enforced on every trait before a request is built. They refuse; they never rewrite
 * (RNIV: "les tirets et les apostrophes et majuscules sont à conserver"). {@link TraitNormaliser} may propose a
 * corrected form to the user, who decides.
 *
 * <p>Rules (SEL-MP-043 EF_INS01_03, EF_INS10_01/02 as publicly quoted; CNDA 2.03): upper-case A-Z, space,
 * apostrophe (U+0027) and hyphen only; no leading space or hyphen; spaces and apostrophes neither doubled nor
 * combined with another separator; "--" in the nom de naissance only; no trailing space, and a prénom does not
 * end with a hyphen or an apostrophe. Hyphen next to a space is read as a "combined" separator (the public
 * clients refuse it too).
 */
public final class InsiTraitRules {

    private InsiTraitRules() {
    }

    /** Checks the traits INSi receives (the used name and used first name are never sent, so not checked). */
    public static void checkForInsi(IdentityTraits traits) {
        check(traits.birthName(), TraitKind.BIRTH_NAME);
        for (int i = 0; i < traits.firstNames().size(); i++) {
            check(traits.firstNames().get(i), TraitKind.FIRST_NAME, "prenoms[" + i + "]");
        }
        check(traits.firstNamesAsList(), TraitKind.FIRST_NAME, "prenoms");
    }

    public static void check(String value, TraitKind kind) {
        check(value, kind, kind.field());
    }

    public static void check(String value, TraitKind kind, String field) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(InsErrorCode.TRAIT_REQUIRED, field, "is required");
        }
        for (int i = 0; i < value.length(); i++) {
            checkCharacter(value, i, field);
        }
        char first = value.charAt(0);
        if (first == ' ' || first == '-') {
            throw new InvalidInputException(InsErrorCode.TRAIT_LEADING_CHARACTER, field,
                    "starts with " + describe(first) + ", which INSi refuses");
        }
        char last = value.charAt(value.length() - 1);
        if (last == ' ' || (kind == TraitKind.FIRST_NAME && (last == '-' || last == '\''))) {
            throw new InvalidInputException(InsErrorCode.TRAIT_TRAILING_CHARACTER, field,
                    "ends with " + describe(last) + ", which INSi refuses");
        }
        if (value.contains("---") || (kind == TraitKind.FIRST_NAME && value.contains("--"))) {
            throw new InvalidInputException(InsErrorCode.TRAIT_DOUBLE_HYPHEN, field,
                    kind == TraitKind.FIRST_NAME ? "a prénom cannot hold a double hyphen" : "three hyphens in a row are refused");
        }
        for (int i = 1; i < value.length(); i++) {
            char previous = value.charAt(i - 1);
            char current = value.charAt(i);
            if (isSeparator(previous) && isSeparator(current) && !(previous == '-' && current == '-')) {
                throw new InvalidInputException(InsErrorCode.TRAIT_DOUBLED_SEPARATOR, field,
                        describe(previous) + " followed by " + describe(current) + " at position " + i);
            }
        }
    }

    private static void checkCharacter(String value, int index, String field) {
        char c = value.charAt(index);
        if ((c >= 'A' && c <= 'Z') || isSeparator(c)) {
            return;
        }
        String where = " at position " + (index + 1);
        if (c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`' || c == '\u00B4') {
            throw new InvalidInputException(InsErrorCode.TRAIT_TYPOGRAPHIC_APOSTROPHE, field,
                    "holds the typographic apostrophe U+" + hex(c) + where + "; only the ASCII apostrophe ' is accepted");
        }
        if ("ÆæŒœ".indexOf(c) >= 0) {
            throw new InvalidInputException(InsErrorCode.TRAIT_LIGATURE, field,
                    "holds the ligature " + c + where + "; INSi refuses ligatures (write the letters separately)");
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        if (decomposed.length() > 1 && Character.isLetter(decomposed.charAt(0))) {
            throw new InvalidInputException(InsErrorCode.TRAIT_DIACRITIC, field,
                    "holds the accented letter " + c + where + "; INSi refuses accents, trémas and cédilles");
        }
        if (c >= 'a' && c <= 'z') {
            throw new InvalidInputException(InsErrorCode.TRAIT_LOWER_CASE, field,
                    "holds the lower-case letter " + c + where + "; INSi accepts upper case only");
        }
        throw new InvalidInputException(InsErrorCode.TRAIT_FORBIDDEN_CHARACTER, field,
                "holds " + describe(c) + where + "; only A-Z, space, apostrophe and hyphen are accepted");
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '\'' || c == '-';
    }

    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '-' -> "a hyphen";
            case '\'' -> "an apostrophe";
            default -> Character.isISOControl(c) || Character.isWhitespace(c) ? "the character U+" + hex(c) : "'" + c + "' (U+" + hex(c) + ")";
        };
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
