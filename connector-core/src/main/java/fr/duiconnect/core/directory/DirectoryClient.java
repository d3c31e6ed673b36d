package fr.duiconnect.core.directory;

import java.util.List;
import java.util.Optional;

/**
 * The national directory (Annuaire Santé): professionals by RPPS, structures by FINESS, their MSSanté mailboxes.
 * Identifiers are checked before any call (an {@link fr.duiconnect.core.error.InvalidInputException} names the
 * field); answers are validated against the annuaire IG and kept in a bounded cache for the configured time.
 */
public interface DirectoryClient {

    /** The professional with this RPPS (11 digits, Luhn key), or empty when the directory does not know it. */
    Optional<Practitioner> practitioner(String rpps);

    /** The MSSanté mailboxes published for this professional (personal and cabinet); empty when unknown or none. */
    List<Mailbox> mailboxesOf(String rpps);

    /** The structure with this FINESS (géographique or juridique), or empty when the directory does not know it. */
    Optional<Structure> structure(String finess);

    /** Professionals by name, optionally in a city, for a DUI's pick list. */
    List<Practitioner> search(DirectorySearch query);
}
