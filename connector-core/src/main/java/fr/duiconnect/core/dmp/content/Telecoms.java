package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Require;

/** Telephone numbers as the CDA {@code telecom/@value} URL wants them ({@code tel:} + digits, a leading + allowed). */
final class Telecoms {

    private Telecoms() {
    }

    static String phoneOrNull(String phone, String field) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[\\s.\\-]", "");
        return Require.matches(digits, "\\+?\\d{4,15}", field, "a telephone number: digits, optionally a leading +");
    }
}
