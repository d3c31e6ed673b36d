package fr.duiconnect.core.eprescription;

import fr.duiconnect.core.model.Sex;

import java.time.LocalDate;
import java.util.List;

/**
 * The person the prescription is for, as the prescription gives it (FR Core Patient INS): INS matricule and its
 * OID, and the INS traits. Compared with the DUI's own identity before import.
 */
public record PrescribedPerson(String insMatricule, String insOid, String birthName, List<String> firstNames,
                               Sex sex, LocalDate birthDate, String birthPlaceCog) {

    public PrescribedPerson {
        firstNames = firstNames == null ? List.of() : List.copyOf(firstNames);
    }

    @Override
    public String toString() {
        return "PrescribedPerson[INS ***" + (insMatricule == null ? "none" : insMatricule.substring(Math.max(0, insMatricule.length() - 2))) + "]";
    }
}
