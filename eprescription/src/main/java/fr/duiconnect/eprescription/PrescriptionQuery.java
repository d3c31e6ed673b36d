package fr.duiconnect.eprescription;

import java.time.LocalDate;

/** What the request route searches: one prescription by number, or a person's prescriptions over a date range. */
public record PrescriptionQuery(String number, String insSystem, String insMatricule, LocalDate from, LocalDate to) {

    public static PrescriptionQuery byNumber(String number) {
        return new PrescriptionQuery(number, null, null, null, null);
    }

    public static PrescriptionQuery byPerson(String insSystem, String insMatricule, LocalDate from, LocalDate to) {
        return new PrescriptionQuery(null, insSystem, insMatricule, from, to);
    }

    public boolean isByNumber() {
        return number != null;
    }

    @Override
    public String toString() {
        return isByNumber() ? "PrescriptionQuery[number]" : "PrescriptionQuery[person, " + from + ".." + to + "]";
    }
}
