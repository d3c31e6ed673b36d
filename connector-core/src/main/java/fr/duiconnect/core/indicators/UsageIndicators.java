package fr.duiconnect.core.indicators;

import java.time.YearMonth;
import java.util.List;

/**
 * The usage indicators the ESMS numérique programme pays on, computed from the journal per structure (FINESS) and
 * month (months in Europe/Paris time). Thread-safe.
 */
public interface UsageIndicators {

    /** Records (or replaces) the DUI's own counts for a structure and month. */
    void recordActivity(String finess, YearMonth month, ActivityCounts counts);

    MonthlyIndicators compute(String finess, YearMonth month, Targets targets);

    /** One entry per month from {@code from} to {@code to}, both included. */
    List<MonthlyIndicators> series(String finess, YearMonth from, YearMonth to, Targets targets);
}
