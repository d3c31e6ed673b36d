package fr.duiconnect.ins.model;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;

/**
 * Checks a matricule INS (NIR or NIA) before it is stored or sent: length, characters, NIR structure, key.
 * Each failure is an {@link InvalidInputException} with the {@link InsErrorCode} of the rule that failed.
 *
 * <p>The structure checks are deliberately loose where INSEE allows odd values (pseudo-months, foreign birth
 * places): the key is what really protects against typing errors.
 */
public final class MatriculeCheck {

    private static final String FIELD = "ins.matricule";

    private MatriculeCheck() {
    }

    /** Checks a 15-character matricule and returns the INS it denotes. */
    public static Ins check(String matricule, InsKind kind) {
        if (matricule == null || matricule.length() != 15) {
            throw new InvalidInputException(InsErrorCode.MATRICULE_LENGTH, FIELD,
                    "has " + (matricule == null ? 0 : matricule.length()) + " characters, 15 expected");
        }
        checkNumber(matricule.substring(0, 13));
        String key = matricule.substring(13);
        if (!key.matches("\\d{2}")) {
            throw new InvalidInputException(InsErrorCode.MATRICULE_CHARACTERS, FIELD, "the key (positions 14-15) must be 2 digits");
        }
        String expected = Ins.computeKey(matricule.substring(0, 13));
        if (!expected.equals(key)) {
            throw new InvalidInputException(InsErrorCode.KEY_INVALID, FIELD, "the key is " + key + " but the number gives " + expected);
        }
        return Ins.of(matricule.substring(0, 13), key, kind);
    }

    /** Checks the 13-character NIR/NIA structure (no key). */
    public static void checkNumber(String number) {
        if (number == null || number.length() != 13) {
            throw new InvalidInputException(InsErrorCode.MATRICULE_LENGTH, FIELD, "the number must be 13 characters");
        }
        String department = number.substring(5, 7);
        boolean digitsElsewhere = (number.substring(0, 5) + number.substring(7)).chars().allMatch(c -> c >= '0' && c <= '9');
        boolean departmentOk = department.matches("\\d{2}|2[AB]");
        if (!digitsElsewhere || !departmentOk) {
            throw new InvalidInputException(InsErrorCode.MATRICULE_CHARACTERS, FIELD,
                    "only digits are allowed, except 2A or 2B at positions 6-7");
        }
        if ("123478".indexOf(number.charAt(0)) < 0) {
            throw new InvalidInputException(InsErrorCode.MATRICULE_SEX_DIGIT, FIELD,
                    "starts with " + number.charAt(0) + ", expected 1, 2, 3, 4, 7 or 8");
        }
        int month = Integer.parseInt(number.substring(3, 5));
        if (month == 0 || (month > 12 && month < 20)) {
            throw new InvalidInputException(InsErrorCode.MATRICULE_MONTH, FIELD, "month " + number.substring(3, 5) + " does not exist");
        }
        if ("000".equals(number.substring(10, 13))) {
            throw new InvalidInputException(InsErrorCode.MATRICULE_ORDER, FIELD, "order number 000 does not exist");
        }
    }

    /** The kind denoted by an OID, or a typed refusal naming the OID rule. */
    public static InsKind kindOf(String oid) {
        for (InsKind kind : InsKind.values()) {
            if (kind.oid().equals(oid)) {
                return kind;
            }
        }
        throw new InvalidInputException(InsErrorCode.OID_UNKNOWN, "ins.oid", "is not an INS assigning authority");
    }
}
