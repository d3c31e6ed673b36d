package fr.duiconnect.ins.rules;

import java.time.LocalDate;

/**
 * The convention for partly unknown birth dates (Guide INS v3.0 EXI ID 11 as quoted by a secondary source,
 * UNCONFIRMED against the primary text; spec §2.5): unknown day → 01; unknown month → 01; unknown day and month
 * → 31/12. The result carries the "date incertaine" marker so it is never mistaken for a known date.
 */
public record IncompleteBirthDate(LocalDate conventionalDate, boolean dayKnown, boolean monthKnown) {

    /** {@code day} or {@code month} null means unknown. */
    public static IncompleteBirthDate of(int year, Integer month, Integer day) {
        if (month == null && day == null) {
            return new IncompleteBirthDate(LocalDate.of(year, 12, 31), false, false);
        }
        if (month == null) {
            return new IncompleteBirthDate(LocalDate.of(year, 1, day), true, false);
        }
        if (day == null) {
            return new IncompleteBirthDate(LocalDate.of(year, month, 1), false, true);
        }
        return new IncompleteBirthDate(LocalDate.of(year, month, day), true, true);
    }

    /** Whether the date is a convention rather than the person's real date (the "date fictive/incertaine" marker). */
    public boolean uncertain() {
        return !dayKnown || !monthKnown;
    }
}
