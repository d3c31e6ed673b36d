package fr.duiconnect.core.eprescription;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A medication prescription (ordonnance) as the DUI imports it: the lines that share one prescription number
 * ({@code MedicationRequest.groupIdentifier}; a line without one is a prescription of its own, numbered by its id).
 *
 * @param number       the prescription number (groupIdentifier.value)
 * @param numberSystem the system of the number (groupIdentifier.system), may be null
 * @param version      a digest of the lines' content: changes when a line is cancelled or renewed
 * @param authoredOn   when it was written (the earliest authoredOn of its lines)
 */
public record Prescription(String number, String numberSystem, String version, OffsetDateTime authoredOn,
                           Prescriber prescriber, PrescribedPerson person, List<PrescriptionLine> lines) {

    public Prescription {
        lines = List.copyOf(lines);
    }

    /** Active when at least one line is active; cancelled when every line is cancelled (or stopped). */
    public LineStatus status() {
        if (lines.stream().anyMatch(l -> l.status() == LineStatus.ACTIVE)) {
            return LineStatus.ACTIVE;
        }
        return lines.stream().allMatch(l -> l.status() == LineStatus.CANCELLED || l.status() == LineStatus.STOPPED)
                ? LineStatus.CANCELLED : lines.get(0).status();
    }
}
