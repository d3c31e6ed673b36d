package fr.duiconnect.core.eprescription;

/**
 * One dose and rate of a dosage (a dosage may give several, e.g. the calculated and the ordered dose).
 *
 * @param type                 calculated, ordered... (dose-rate-type), may be null
 * @param dose                 the dose, or the low bound of a dose range
 * @param doseHigh             the high bound of a dose range, null for a single dose
 * @param rate                 a rate (rateRatio, or rateQuantity as a ratio without denominator, or the low bound of a rateRange)
 * @param rateHigh             the high bound of a rateRange, null otherwise
 * @param basisOfDoseComponent the ingredient the dose is expressed for (fr-basis-of-dose-component), by its label
 */
public record DoseAndRate(Coded type, Quantity dose, Quantity doseHigh, Ratio rate, Quantity rateHigh, String basisOfDoseComponent) {
}
