package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.ins.InsErrorCode;

/**
 * Checks a 15-character matricule INS: shape, key (97 − N mod 97, 2A/2B as 19/18) and, for a NIR, its structure
 * (sex digit, month). The NIA structure is not published (a third-party note says it starts with 7 or 8, but the
 * CNDA NIA fixture starts with 1), so for an NIA only shape and key are checked.
 */
public final class MatriculeCheck {

    /** The verdict on a matricule: valid, or the code and reason of the first rule it breaks. */
    public record Verdict(boolean valid, String matricule, InsKind kind, String code, String reason) {
    }

    private MatriculeCheck() {
    }

    public static Verdict check(String matricule, InsKind kind) {
        try {
            Ins ins = Ins.parse(matricule == null ? null : matricule.trim(), kind);
            if (kind != InsKind.NIA) {
                checkNirStructure(ins.number());
            }
            return new Verdict(true, ins.matricule(), kind, null, "valid " + kind.label() + " (key " + ins.key() + ")");
        } catch (DuiConnectException e) {
            return new Verdict(false, matricule, kind, e.code(), e.getMessage());
        }
    }

    /** The NIR structure of a 13-character number (sex digit, month, order number), e.g. a carte Vitale's. */
    public static void checkNirStructure(String number) {
        char sex = number.charAt(0);
        // 7 and 8 begin temporary numbers (NIA) only: a "NIR" starting with them is an NIA given under the wrong OID.
        if ("1234".indexOf(sex) < 0) {
            throw new fr.duiconnect.core.error.InvalidInputException(InsErrorCode.MATRICULE_NIR_STRUCTURE, "ins.number",
                    "the first digit (sex) of a NIR must be 1, 2, 3 or 4 (7 and 8 begin an NIA)");
        }
        int month = Integer.parseInt(number.substring(3, 5));
        boolean calendarMonth = month >= 1 && month <= 12;
        boolean specialMonth = month >= 20 && month <= 99;   // fictitious months of persons born abroad or with unknown month
        if (!calendarMonth && !specialMonth) {
            throw new fr.duiconnect.core.error.InvalidInputException(InsErrorCode.MATRICULE_NIR_STRUCTURE, "ins.number",
                    "the month (digits 4-5) must be 01-12, or 20-99 for an unknown month");
        }
        // INSEE order numbers run from 001 to 999: 000 is a typing error the key alone may not catch.
        if ("000".equals(number.substring(10, 13))) {
            throw new fr.duiconnect.core.error.InvalidInputException(InsErrorCode.MATRICULE_NIR_STRUCTURE, "ins.number",
                    "the order number (digits 11-13) must be 001-999");
        }
    }
}
