package fr.duiconnect.core.indicators;

import java.time.YearMonth;

/**
 * The ESMS numérique usage indicators of one structure for one month. Rates are percentages of the persons
 * accompanied (or of the active records for the project and event rates); a rate is null when its denominator
 * is unknown (the DUI has not recorded its activity counts) or zero.
 */
public record MonthlyIndicators(
        String finess,
        YearMonth month,
        Integer personsAccompanied,
        long mssanteMessagesSent,
        Double mssanteRate,
        long personsWithDmpDocument,
        Double dmpRate,
        long documentsDeposited,
        long eprescriptionsImported,
        long eparcoursExchanges,
        Double activeRecordsRate,
        Double activeRecordsWithProjectRate,
        Double activeRecordsWithEventRate,
        Targets targets) {

    /** Whether a rate reaches its target; null when the rate is unknown. */
    public static Boolean meets(Double rate, double target) {
        return rate == null ? null : rate >= target;
    }
}
