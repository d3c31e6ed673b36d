package fr.duiconnect.core.indicators;

import fr.duiconnect.core.error.InvalidInputException;

/**
 * What only the DUI knows, for one structure and one month: the persons accompanied, and its records' activity
 * (the three DUI activity rates of the ESMS numérique programme).
 *
 * @param personsAccompanied       persons accompanied during the month (denominator of every rate)
 * @param activeRecords            DUI records active during the month
 * @param activeRecordsWithProject active records holding a personalised project (projet personnalisé)
 * @param activeRecordsWithEvent   active records with at least one event during the month
 */
public record ActivityCounts(int personsAccompanied, int activeRecords, int activeRecordsWithProject, int activeRecordsWithEvent) {

    public ActivityCounts {
        if (personsAccompanied < 0 || activeRecords < 0 || activeRecordsWithProject < 0 || activeRecordsWithEvent < 0) {
            throw InvalidInputException.format("activityCounts", "counts of zero or more");
        }
        if (activeRecordsWithProject > activeRecords || activeRecordsWithEvent > activeRecords) {
            throw InvalidInputException.format("activityCounts", "subsets of the active records (with project, with event) not above the active records");
        }
    }
}
