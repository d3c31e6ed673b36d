package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.ins.InsErrorCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a 15-character matricule INS on top of the key check of {@link Ins}: structure of the NIR (sex digit,
 * month) and key. Every failed rule is reported, not only the first.
 *
 * <p>NIA: a comment in a secondary source says an NIA starts with 7 or 8, but the CNDA NIA fixture
 * (PROVISOIRE MATRICULE, TEST_2.05) starts with 1. The rule is UNCONFIRMED, so an NIA is checked leniently
 * (any of 1-4, 7, 8) unless {@code strictNia} is set, which then requires 7 or 8.
 */
public final class MatriculeCheck {

    private final boolean strictNia;

    public MatriculeCheck(boolean strictNia) {
        this.strictNia = strictNia;
    }

    /** The lenient default (see class comment). */
    public static MatriculeCheck lenient() {
        return new MatriculeCheck(false);
    }

    public MatriculeVerdict check(String matricule, InsKind kind) {
        List<MatriculeVerdict.Violation> violations = new ArrayList<>();
        String value = matricule == null ? "" : matricule.strip();
        if (!value.matches("\\d{5}(\\d{2}|2[AB])\\d{6}\\d{2}")) {
            violations.add(new MatriculeVerdict.Violation(InsErrorCode.MATRICULE_FORMAT,
                    "expected 15 characters: 13-character number (digits, 2A/2B allowed as department) then a 2-digit key; got "
                            + value.length() + " character(s)"));
            return new MatriculeVerdict(value, null, violations);
        }
        char sex = value.charAt(0);
        boolean nia = kind == InsKind.NIA;
        String allowed = nia ? (strictNia ? "78" : "123478") : "1234";
        if (allowed.indexOf(sex) < 0) {
            violations.add(new MatriculeVerdict.Violation(InsErrorCode.MATRICULE_SEX_DIGIT,
                    "first digit " + sex + " is not allowed for " + kind.label() + " (allowed: " + allowed + ")"));
        }
        int month = Integer.parseInt(value.substring(3, 5));
        if (month == 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) {
            violations.add(new MatriculeVerdict.Violation(InsErrorCode.MATRICULE_MONTH,
                    "month digits " + value.substring(3, 5) + " are not a NIR month"));
        }
        String number = value.substring(0, 13);
        String key = value.substring(13);
        String expected = Ins.computeKey(number);
        if (!expected.equals(key)) {
            violations.add(new MatriculeVerdict.Violation(InsErrorCode.MATRICULE_KEY,
                    "key " + key + " does not match the number (97 - N mod 97 gives " + expected + ")"));
        }
        Ins ins = violations.isEmpty() ? Ins.of(number, key, kind) : null;
        return new MatriculeVerdict(value, ins, violations);
    }

    /** The INS, or an {@link InvalidInputException} naming the first broken rule. */
    public Ins require(String matricule, InsKind kind) {
        MatriculeVerdict verdict = check(matricule, kind);
        if (!verdict.valid()) {
            MatriculeVerdict.Violation first = verdict.violations().get(0);
            throw new InvalidInputException(first.code(), "ins.matricule", first.message());
        }
        return verdict.ins();
    }
}
