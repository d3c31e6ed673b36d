package fr.duiconnect.core.model;

/**
 * A FINESS number: 9 characters, the department (2 digits, 2A or 2B) then 7 digits.
 * The last digit is a control key (Luhn over the 9 digits). The record does not enforce it: the rule for Corsican
 * numbers is not stated in the public texts we have, and a false refusal of a document would block an establishment.
 * A lookup, where a wrong key can only be a typing error, checks it with {@link #hasValidKey(String)}.
 */
public record Finess(String value) {

    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("(\\d{2}|2[AB])\\d{7}");

    public Finess {
        Require.matches(value, FORMAT.pattern(), "finess", "9 characters: the department (2 digits, 2A or 2B) then 7 digits");
    }

    /** Whether a value has a FINESS's form (the key is not judged): the one place that form is written. */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
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
