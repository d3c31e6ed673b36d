package fr.duiconnect.core.eprescription;

import java.math.BigDecimal;

/** A quantity with its unit as displayed and its coded unit (UCUM or EDQM). */
public record Quantity(BigDecimal value, String unit, String unitCode, String unitSystem) {

    @Override
    public String toString() {
        return (value == null ? "?" : value.toPlainString()) + (unit == null ? "" : " " + unit);
    }
}
