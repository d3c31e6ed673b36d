package fr.duiconnect.core.model;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.InvalidInputException;

import java.math.BigInteger;

/**
 * Matricule INS: a NIR or NIA of 13 characters and its 2-digit key, with the OID of its assigning authority.
 *
 * <p>{@link #of} checks the key (97 − N mod 97, Corsica 2A as 19 and 2B as 18). {@link #asReturnedByInsi}
 * does not: INSi output is authoritative, and the CNDA has at least one case (HERMANN GATIEN, TEST_2.08 cas 2)
 * whose key does not follow the formula. Such an INS says so through {@link #keyVerified()}.
 */
public record Ins(String number, String key, InsKind kind, boolean keyVerified) {

    /** sex(1: 1-4, 7, 8) year(2) month(2) place(5: digits or 2A/2B) order(3), as the INSi XSD pattern allows. */
    private static final String NUMBER_PATTERN = "\\d{5}(\\d{2}|2[AB])\\d{6}";

    public Ins {
        Require.matches(number, NUMBER_PATTERN, "ins.number",
                "13 characters: 5 digits, the department (2 digits, 2A or 2B), then 6 digits");
        Require.matches(key, "\\d{2}", "ins.key", "2 digits");
        Require.present(kind, "ins.kind");
    }

    /** An INS entered or stored locally: the key must match. */
    public static Ins of(String number, String key, InsKind kind) {
        Ins ins = new Ins(number, key, kind, true);
        String expected = computeKey(number);
        if (!expected.equals(key)) {
            throw new InvalidInputException(CoreErrorCode.INS_KEY_INVALID, "ins.key",
                    "the key does not match the number");
        }
        return ins;
    }

    /** Parses the 15-character matricule (number followed by key). */
    public static Ins parse(String matricule, InsKind kind) {
        Require.matches(matricule, "[0-9AB]{15}", "ins.matricule", "15 characters: the 13-character number then its 2-digit key");
        return of(matricule.substring(0, 13), matricule.substring(13), kind);
    }

    /** An INS as INSi returned it: kept even when the key does not follow the formula. */
    public static Ins asReturnedByInsi(String number, String key, InsKind kind) {
        boolean verified = number.matches(NUMBER_PATTERN) && computeKey(number).equals(key);
        return new Ins(number, key, kind, verified);
    }

    /** Key = 97 − (N mod 97), where 2A counts as 19 and 2B as 18 in the department position. */
    public static String computeKey(String number) {
        Require.matches(number, NUMBER_PATTERN, "ins.number",
                "13 characters: 5 digits, the department (2 digits, 2A or 2B), then 6 digits");
        String numeric = number.substring(0, 5) + corsica(number.substring(5, 7)) + number.substring(7);
        int key = 97 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", key);
    }

    private static String corsica(String department) {
        return switch (department) {
            case "2A" -> "19";
            case "2B" -> "18";
            default -> department;
        };
    }

    /** The 15-character matricule INS carried in exchanges (FR Core identifier.value, CDA @extension, CX.1). */
    public String matricule() {
        return number + key;
    }

    public String oid() {
        return kind.oid();
    }

    /** patientId in XDS: {@code <matricule>^^^&<OID>&ISO^NH}. */
    public String asXdsPatientId() {
        return matricule() + "^^^&" + kind.oid() + "&ISO^NH";
    }

    @Override
    public String toString() {
        // Keep the matricule out of accidental logs: only the kind and the last two characters.
        return "Ins[" + kind + ", ***" + key + "]";
    }
}
