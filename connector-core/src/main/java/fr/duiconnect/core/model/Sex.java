package fr.duiconnect.core.model;

import fr.duiconnect.core.error.InvalidInputException;

/** Sex as the INS traits know it: INSi accepts only M or F (EF_INS25_04). */
public enum Sex {
    M, F;

    public static Sex parse(String value, String field) {
        if ("M".equals(value)) {
            return M;
        }
        if ("F".equals(value)) {
            return F;
        }
        throw InvalidInputException.format(field, "M or F (INSi knows no other sex)");
    }
}
