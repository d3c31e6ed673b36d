package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.ins.model.InsErrorCode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The date recorded when parts of a birth date are unknown. Default (Guide INS v3.0 EXI ID 11 as quoted
 * publicly, UNCONFIRMED against the primary text): unknown day → 01, unknown month → 01, both unknown → 31/12.
 * Configurable because the primary text is not public.
 *
 * <p>Also reads INSi's "DateLunaire" (YYYY-MM-DD, possibly with 00 parts) the same way.
 */
public record BirthDateConvention(int dayWhenDayUnknown, int monthWhenMonthUnknown, MonthDay whenBothUnknown) {

    public static final BirthDateConvention RNIV = new BirthDateConvention(1, 1, MonthDay.of(12, 31));

    /** A date with its "fictive/incertaine" marker when a part was unknown. */
    public record RecordedBirthDate(LocalDate date, boolean uncertain) {
    }

    public RecordedBirthDate record(int year, Integer month, Integer day) {
        try {
            if (month == null && day == null) {
                return new RecordedBirthDate(whenBothUnknown.atYear(year), true);
            }
            if (month == null) {
                return new RecordedBirthDate(LocalDate.of(year, monthWhenMonthUnknown, day), true);
            }
            if (day == null) {
                return new RecordedBirthDate(LocalDate.of(year, month, dayWhenDayUnknown), true);
            }
            return new RecordedBirthDate(LocalDate.of(year, month, day), false);
        } catch (DateTimeException e) {
            throw new InvalidInputException(InsErrorCode.BIRTH_DATE_UNKNOWN_PARTS, "dateNaissance", "is not a calendar date: " + e.getMessage());
        }
    }

    /** Reads a DateLunaire (YYYY-MM-DD, 00 meaning unknown). */
    public RecordedBirthDate fromDateLunaire(String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new InvalidInputException(InsErrorCode.BIRTH_DATE_UNKNOWN_PARTS, "dateNaissance", "must be YYYY-MM-DD");
        }
        int year = Integer.parseInt(value.substring(0, 4));
        int month = Integer.parseInt(value.substring(5, 7));
        int day = Integer.parseInt(value.substring(8, 10));
        return record(year, month == 0 ? null : month, day == 0 ? null : day);
    }
}
