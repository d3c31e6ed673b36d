package fr.duiconnect.core.ins;

import java.util.Objects;

/**
 * Something about an INSi answer that the DUI must show and keep, although the answer is used: the guide says not to
 * reject INSi output on it (CNDA case TEST_2.08_cas2, HERMANN GATIEN, whose key does not follow the formula).
 *
 * @param code    stable code, e.g. {@code INS-KEY-MISMATCH}
 * @param field   the answer's field concerned, e.g. {@code ins.key} or {@code history[0].key}
 * @param message what is wrong and what to do, in English
 */
public record InsWarning(Code code, String field, String message) {

    /** The warnings an INSi answer can carry. */
    public enum Code {
        /** A returned matricule's key is not 97 − (N mod 97): kept as returned, to be reported to identity vigilance. */
        KEY_MISMATCH("INS-KEY-MISMATCH");

        private final String value;

        Code(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public InsWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code.value() + " " + field;
    }
}
