package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.ins.InsErrorCode;

import java.time.LocalDate;
import java.time.Year;

/**
 * Birth dates with unknown parts, recorded by the convention of the Guide INS v3.0 EXI ID 11 as quoted in
 * shared/specs/ins.md §2.5 (UNCONFIRMED against the primary text): unknown day → 01; unknown month → 01;
 * unknown day and month → 31 December. Such a date is marked uncertain by the DUI.
 */
public final class BirthDates {

    private BirthDates() {
    }

    /**
     * @param month 1-12, or null when unknown
     * @param day   1-31, or null when unknown
     */
    public static LocalDate recorded(int year, Integer month, Integer day) {
        if (year < 1850 || year > Year.now().getValue()) {
            throw new InvalidInputException(InsErrorCode.BIRTH_DATE_INCOMPLETE, "birthDate.year", "is not a plausible birth year");
        }
        if (month == null && day == null) {
            return LocalDate.of(year, 12, 31);
        }
        if (month == null) {
            return LocalDate.of(year, 1, day);
        }
        if (day == null) {
            return LocalDate.of(year, month, 1);
        }
        return LocalDate.of(year, month, day);
    }
}
