package fr.duiconnect.core.model;

/**
 * A FINESS number: 9 characters, the department (2 digits, 2A or 2B) then 7 digits.
 * The last digit is a control key; the connector does not recompute it, as the published rule for Corsican
 * numbers is not stated in the public texts we have, and a false refusal would block an establishment.
 */
public record Finess(String value) {

    public Finess {
        Require.matches(value, "(\\d{2}|2[AB])\\d{7}", "finess", "9 characters: the department (2 digits, 2A or 2B) then 7 digits");
    }

    public static Finess of(String value) {
        return new Finess(value);
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
