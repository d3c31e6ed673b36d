package fr.duiconnect.core.eprescription;

import java.math.BigDecimal;
import java.util.List;

/**
 * One structured dosage instruction (FHIR Dosage): dose (or dose range, or rate), frequency over a period,
 * moments (when: C, CM, HS... and times of day), route, as-needed, and its text.
 *
 * @param doseLow       dose or the low bound of a range
 * @param doseHigh      high bound of a range, null for a single dose
 * @param rate          a rate as text (e.g. "5 mg / 1 h"), null when none
 * @param frequency     administrations per period (frequency, or frequencyMax when only that is given)
 * @param period        period value with {@code periodUnit} (UCUM: h, d, wk...)
 * @param when          event codes (C, CM, HS, ACM...)
 * @param timesOfDay    HH:mm:ss
 * @param daysOfWeek    mon, tue...
 * @param asNeeded      "si besoin"
 * @param asNeededFor   the condition, may be null
 * @param boundsStart   start of the treatment period (ISO text), may be null
 * @param boundsEnd     end of the treatment period (ISO text), may be null
 * @param boundsDuration duration of the treatment as text (e.g. "7 d"), may be null
 */
public record Dosage(Integer sequence, String text, Quantity doseLow, Quantity doseHigh, String rate,
                     Integer frequency, BigDecimal period, String periodUnit, List<String> when, List<String> timesOfDay,
                     List<String> daysOfWeek, String route, String routeCode, boolean asNeeded, String asNeededFor,
                     String boundsStart, String boundsEnd, String boundsDuration) {

    public Dosage {
        when = when == null ? List.of() : List.copyOf(when);
        timesOfDay = timesOfDay == null ? List.of() : List.copyOf(timesOfDay);
        daysOfWeek = daysOfWeek == null ? List.of() : List.copyOf(daysOfWeek);
    }
}
