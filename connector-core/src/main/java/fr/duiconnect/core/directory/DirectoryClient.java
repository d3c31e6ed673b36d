package fr.duiconnect.core.directory;

import fr.duiconnect.core.error.InvalidInputException;

import java.util.List;
import java.util.Optional;

/**
 * The national directory (Annuaire Santé): professionals by RPPS, structures by FINESS, their MSSanté mailboxes.
 * Identifiers are checked before any call (an {@link fr.duiconnect.core.error.InvalidInputException} names the
 * field); answers are validated against the annuaire IG and kept in a bounded cache for the configured time.
 */
public interface DirectoryClient {

    /** The professional with this RPPS (11 digits, Luhn key), with their roles, or empty when the directory does not know it. */
    Optional<Practitioner> practitioner(String rpps);

    /** The MSSanté mailboxes published for this professional (personal and cabinet); empty when unknown or none. */
    List<Mailbox> mailboxesOf(String rpps);

    /**
     * The structure with this FINESS (géographique or juridique), or empty when the directory does not know it. A FINESS
     * whose format or control key is wrong is refused before any call.
     */
    Optional<Structure> structure(String finess);

    /** The structure with this FINESS, or an {@link InvalidInputException} naming {@code finess} when the directory does not know it. */
    default Structure requireStructure(String finess) {
        return structure(finess).orElseThrow(() -> new InvalidInputException(DirectoryErrorCode.FINESS_UNKNOWN, "finess",
                "FINESS " + finess + " is not in the Annuaire Santé"));
    }

    /** Professionals by name, optionally in a city, for a DUI's pick list. */
    List<Practitioner> search(DirectorySearch query);
}
