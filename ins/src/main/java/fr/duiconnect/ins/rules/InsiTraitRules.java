package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.ins.InsErrorCode;

import java.time.LocalDate;

/**
 * The INSi character rules (SEL-MP-043 EF_INS10_01/02 as quoted; CNDA 2.03). Traits breaking them are refused
 * with a typed error naming the field, the character and the rule; they are never rewritten here
 * ({@link TraitNormaliser} may propose a form, the user decides).
 */
public final class InsiTraitRules {

    private InsiTraitRules() { }

    /** Checks every INS trait that would be sent to INSi. */
    public static void requireSendable(IdentityTraits traits) {
        requireValid(traits.birthName(), TraitKind.NOM_NAISSANCE);
        for (String prenom : traits.firstNames()) {
            requireValid(prenom, TraitKind.PRENOM);
        }
        if (traits.birthDate().isAfter(LocalDate.now())) {
            throw new InvalidInputException(InsErrorCode.BIRTH_DATE_RANGE, "birthDate", "the birth date is in the future");
        }
    }

    /** Refuses {@code value} with the first rule it breaks. */
    public static void requireValid(String value, TraitKind kind) {
        String field = kind.field();
        if (value == null || value.isEmpty()) {
            throw InvalidInputException.required(field);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || c == ' ' || c == '\'' || c == '-';
            if (!allowed) {
                throw new InvalidInputException(InsErrorCode.TRAIT_CHARACTERS, field,
                        "character '" + c + "' (U+" + String.format("%04X", (int) c) + ") at position " + (i + 1)
                                + " is not allowed: " + describe(c) + "; only A-Z, space, ' and - are");
            }
        }
        char first = value.charAt(0);
        if (first == ' ' || first == '-') {
            throw new InvalidInputException(InsErrorCode.TRAIT_LEADING, field,
                    "starts with " + (first == ' ' ? "a space" : "a hyphen"));
        }
        char last = value.charAt(value.length() - 1);
        if (kind != TraitKind.NOM_NAISSANCE && (last == '-' || last == '\'')) {
            throw new InvalidInputException(InsErrorCode.TRAIT_FIRST_NAME_END, field,
                    "ends with " + (last == '-' ? "a hyphen" : "an apostrophe"));
        }
        if (last == ' ' || last == '-') {
            throw new InvalidInputException(InsErrorCode.TRAIT_TRAILING_SPACE, field,
                    "ends with " + (last == ' ' ? "a space" : "a hyphen"));
        }
        if (value.contains("---")) {
            throw new InvalidInputException(InsErrorCode.TRAIT_DOUBLED_SEPARATOR, field, "holds three hyphens in a row");
        }
        if (value.contains("--") && kind != TraitKind.NOM_NAISSANCE) {
            throw new InvalidInputException(InsErrorCode.TRAIT_DOUBLE_HYPHEN, field,
                    "holds a double hyphen, allowed in the nom de naissance only");
        }
        for (int i = 1; i < value.length(); i++) {
            char a = value.charAt(i - 1);
            char b = value.charAt(i);
            boolean separators = isSeparator(a) && isSeparator(b);
            boolean bothHyphens = a == '-' && b == '-';
            if (separators && !bothHyphens) {
                throw new InvalidInputException(InsErrorCode.TRAIT_DOUBLED_SEPARATOR, field,
                        "holds \"" + a + b + "\" at position " + i + ": spaces and apostrophes are never doubled nor combined");
            }
        }
        if (kind == TraitKind.PRENOM && value.indexOf(' ') >= 0) {
            throw new InvalidInputException(InsErrorCode.TRAIT_FIRST_NAME_SPACE, field,
                    "holds a space: give each prénom separately");
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\'' || c == '-';
    }

    private static String describe(char c) {
        if (c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00B4') {
            return "typographic apostrophe, use ' (ASCII 39)";
        }
        if ("ÆæŒœ".indexOf(c) >= 0) {
            return "ligature";
        }
        if (c >= 'a' && c <= 'z') {
            return "lower case letter";
        }
        if (Character.isDigit(c)) {
            return "digit";
        }
        if (Character.isLetter(c)) {
            return "accented or non-Latin letter";
        }
        return "character with no INSi equivalent";
    }
}
