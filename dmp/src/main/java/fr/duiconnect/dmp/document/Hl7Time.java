package fr.duiconnect.dmp.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** HL7 v3 TS values: a date ({@code yyyyMMdd}) or an instant in French local time with its offset. */
final class Hl7Time {

    /** CDA documents for the DMP are dated in France's local time, offset included. */
    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private Hl7Time() {
    }

    static String of(Instant instant) {
        return INSTANT.format(instant.atZone(FRANCE));
    }

    static String of(LocalDate date) {
        return DATE.format(date);
    }

    /** dd/MM/yyyy, for the narrative a person reads. */
    static String readable(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
    }
}
