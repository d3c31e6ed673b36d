package fr.duiconnect.core.eprescription;

/**
 * A quantity per quantity: a maximum dose per period (4 g / 24 h), a rate (4 g / 20 min), a strength (500 mg / 1
 * comprimé). {@code denominator} is null for a plain rate quantity.
 */
public record Ratio(Quantity numerator, Quantity denominator) {

    @Override
    public String toString() {
        return numerator + (denominator == null ? "" : " / " + denominator);
    }
}
