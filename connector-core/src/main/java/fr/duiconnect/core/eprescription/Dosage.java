package fr.duiconnect.core.eprescription;

import java.math.BigDecimal;
import java.util.List;

/**
 * One structured dosage instruction (FHIR Dosage), every element the ePrescription IG uses: doses and rates, maximum
 * doses, timing (frequency, period, duration of one administration, count, moments, offset, events, coded timing),
 * treatment bounds, route, method, site, as-needed, and the instructions.
 *
 * @param doseLow            the first dose and rate's dose (or the low bound of its range), as a shortcut
 * @param doseHigh           the high bound of the first dose range, null for a single dose
 * @param rate               the first dose and rate's rate as text (e.g. "4 g / 20 min"), null when none
 * @param frequency          administrations per period (timing.repeat.frequency), null when not given
 * @param frequencyMax       at most that many administrations per period (frequencyMax: "jusqu'à 3 fois par jour")
 * @param period             period value with {@code periodUnit} (UCUM: h, d, wk...); {@code periodMax} for a range
 * @param duration           how long one administration lasts (a 72 h patch, a 20 min infusion), with {@code durationMax}
 * @param count              number of administrations in all, {@code countMax} for a range
 * @param when               event codes (C, CM, HS, ACM...), {@code offset} minutes from them
 * @param timesOfDay         HH:mm:ss
 * @param daysOfWeek         mon, tue...
 * @param events             the dates and times of administration (timing.event), ISO
 * @param timingCode         a coded timing (BID, TID... or a local code)
 * @param boundsStart        start of the treatment period (ISO), may be null
 * @param boundsEnd          end of the treatment period (ISO), may be null
 * @param boundsDuration     duration of the treatment as text (e.g. "7 d"), with {@code treatmentDuration} typed
 * @param asNeeded           "si besoin"; {@code asNeededFor} its condition as text, {@code asNeededCode} coded
 * @param maxDosePerPeriod   e.g. 4 g / 24 h
 * @param maxDosePerAdministration e.g. 1 g
 * @param maxDosePerLifetime e.g. 1000 mg/m2
 * @param additionalInstructions "délai minimum entre 2 prises : 4 h", "au cours du repas"...
 */
public record Dosage(Integer sequence, String text, Quantity doseLow, Quantity doseHigh, String rate,
                     Integer frequency, Integer frequencyMax, BigDecimal period, BigDecimal periodMax, String periodUnit,
                     Quantity duration, Quantity durationMax, Integer count, Integer countMax,
                     List<String> when, Integer offset, List<String> timesOfDay, List<String> daysOfWeek, List<String> events,
                     Coded timingCode, String route, String routeCode, Coded routeCoded, Coded method, Coded site,
                     boolean asNeeded, String asNeededFor, Coded asNeededCode,
                     String boundsStart, String boundsEnd, String boundsDuration, Quantity treatmentDuration,
                     List<DoseAndRate> doseAndRate, Ratio maxDosePerPeriod, Quantity maxDosePerAdministration,
                     Quantity maxDosePerLifetime, String patientInstruction, List<Coded> additionalInstructions) {

    public Dosage {
        when = when == null ? List.of() : List.copyOf(when);
        timesOfDay = timesOfDay == null ? List.of() : List.copyOf(timesOfDay);
        daysOfWeek = daysOfWeek == null ? List.of() : List.copyOf(daysOfWeek);
        events = events == null ? List.of() : List.copyOf(events);
        doseAndRate = doseAndRate == null ? List.of() : List.copyOf(doseAndRate);
        additionalInstructions = additionalInstructions == null ? List.of() : List.copyOf(additionalInstructions);
    }
}
