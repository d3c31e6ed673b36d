package fr.duiconnect.dmp.document;

import fr.duiconnect.core.directory.DirectoryClient;
import fr.duiconnect.core.directory.DirectoryErrorCode;
import fr.duiconnect.core.directory.Practitioner;
import fr.duiconnect.core.directory.PractitionerRole;
import fr.duiconnect.core.directory.Structure;
import fr.duiconnect.core.dmp.content.CareProfessional;
import fr.duiconnect.core.dmp.content.DirectoryDifference;
import fr.duiconnect.core.dmp.content.PostalAddress;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The médecin traitant of a DLU checked against the Annuaire Santé (through the public {@link DirectoryClient}, so
 * that this module depends on no other service module). What the DUI left out (identity of a professional known only by
 * RPPS, address) is taken from the directory; what the DUI gave is kept, and each value the directory publishes
 * differently is reported. The address is the one of the structure of the professional's first active role.
 */
public final class DirectoryCheckedPhysician {

    static final String FIELD = "resident.attendingPhysician";

    /** The record with its médecin traitant completed, and the differences found. */
    public record Result(ResidentRecord resident, List<DirectoryDifference> differences) {
    }

    private DirectoryCheckedPhysician() {
    }

    public static Result check(ResidentRecord resident, DirectoryClient directory) {
        Objects.requireNonNull(directory, "directory");
        CareProfessional given = resident.attendingPhysician();
        if (given == null || given.professional().idKind() != ProfessionalIdKind.RPPS) {
            return new Result(resident, List.of());   // the pre-checks refuse a missing one; only an RPPS is in the directory
        }
        String rpps = given.professional().id();
        Practitioner found = directory.practitioner(rpps).orElseThrow(() -> new InvalidInputException(DirectoryErrorCode.RPPS_UNKNOWN,
                FIELD + ".professional.id", "RPPS " + rpps + " is not in the Annuaire Santé"));
        PostalAddress published = found.mainRole().map(PractitionerRole::finess).flatMap(directory::structure)
                .flatMap(DirectoryCheckedPhysician::address).orElse(null);
        List<DirectoryDifference> differences = new ArrayList<>();
        Professional professional;
        if (given.identityFromDirectory()) {
            if (!found.active()) {
                throw new InvalidInputException(DirectoryErrorCode.NOT_PRACTISING, FIELD + ".professional.id",
                        "RPPS " + rpps + " (" + found.familyName() + ") is no longer practising: the résident's médecin traitant is to be updated");
            }
            // No profession code: the DLU's médecin traitant participant carries none (id, address, telecom, name only).
            professional = new Professional(ProfessionalIdKind.RPPS, rpps, found.familyName(), firstGiven(found), null, null);
        } else {
            professional = given.professional();
            compare(differences, FIELD + ".professional.familyName", professional.familyName(), found.familyName());
            compare(differences, FIELD + ".professional.givenName", professional.givenName(), firstGiven(found));
            if (!found.active()) {
                differences.add(new DirectoryDifference(FIELD, "médecin traitant", "no longer practising"));
            }
        }
        if (given.address() != null && published != null) {
            compare(differences, FIELD + ".address", text(given.address()), text(published));
        }
        CareProfessional checked = new CareProfessional(professional, given.address() != null ? given.address() : published, given.phone());
        return new Result(resident.withAttendingPhysician(checked), differences);
    }

    private static Optional<PostalAddress> address(Structure structure) {
        if (structure.street() == null || structure.postalCode() == null || structure.city() == null) {
            return Optional.empty();
        }
        return Optional.of(new PostalAddress(structure.street(), structure.postalCode(), structure.city()));
    }

    private static String firstGiven(Practitioner found) {
        return found.givenNames().isEmpty() ? null : found.givenNames().get(0);
    }

    private static String text(PostalAddress address) {
        return address.street() + ", " + address.postalCode() + " " + address.city();
    }

    /** Names and addresses compared as people read them: case and spacing aside. */
    private static void compare(List<DirectoryDifference> differences, String field, String dui, String directory) {
        if (dui == null || directory == null) {
            return;
        }
        if (!normal(dui).equals(normal(directory))) {
            differences.add(new DirectoryDifference(field, dui, directory));
        }
    }

    private static String normal(String value) {
        return value.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
