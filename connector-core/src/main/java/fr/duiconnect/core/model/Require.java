package fr.duiconnect.core.model;

import fr.duiconnect.core.error.InvalidInputException;

import java.util.List;

/** Field checks shared by the record factories; each failure names the field. */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw InvalidInputException.required(field);
        }
        return value;
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.required(field);
        }
        return value;
    }

    public static String matches(String value, String regex, String field, String expected) {
        text(value, field);
        if (!value.matches(regex)) {
            throw InvalidInputException.format(field, expected);
        }
        return value;
    }

    public static <T> List<T> nonEmpty(List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            throw InvalidInputException.required(field);
        }
        return List.copyOf(values);
    }
}
