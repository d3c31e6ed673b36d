package fr.duiconnect.eprescription;

import fr.duiconnect.core.spi.RequestType;
import org.hl7.fhir.r4.model.Bundle;

import java.time.LocalDate;

/** What the search handler looks for: one prescription by number, or a person's prescriptions over a date range. */
public record PrescriptionQuery(String number, String insSystem, String insMatricule, LocalDate from, LocalDate to) {

    /** The FHIR search of the prescription service; the answer is the search Bundle. */
    public static final RequestType<PrescriptionQuery, Bundle> SEARCH = RequestType.named("eprescription-search");

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
