package fr.duiconnect.core.model;

/**
 * A FINESS number: 9 characters, the department (2 digits, 2A or 2B) then 7 digits.
 * The last digit is a control key (Luhn over the 9 digits). The record does not enforce it: the rule for Corsican
 * numbers is not stated in the public texts we have, and a false refusal of a document would block an establishment.
 * A lookup, where a wrong key can only be a typing error, checks it with {@link #hasValidKey(String)}.
 */
public record Finess(String value) {

    public Finess {
        Require.matches(value, "(\\d{2}|2[AB])\\d{7}", "finess", "9 characters: the department (2 digits, 2A or 2B) then 7 digits");
    }

    public static Finess of(String value) {
        return new Finess(value);
    }

    /**
     * Whether the control key of a well-formed FINESS is right: the Luhn sum of its 9 digits is a multiple of 10.
     * A Corsican number (2A, 2B) is not judged (true), for want of a published rule.
     */
    public static boolean hasValidKey(String value) {
        if (value != null && value.matches("2[AB]\\d{7}")) {
            return true;
        }
        return value != null && value.matches("\\d{9}") && Luhn.valid(value);
    }

    /** Struct_IdNat for a FINESS identified structure: "1" + FINESS. */
    public String asStructureNationalId() {
        return "1" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
