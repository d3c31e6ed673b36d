package fr.duiconnect.core.directory;

import java.util.List;
import java.util.Objects;

/**
 * A structure from the directory.
 *
 * @param finess    the FINESS number it was found by
 * @param active    false for a closed structure
 * @param mailboxes its organisational and applicative MSSanté mailboxes
 */
public record Structure(String finess, String name, String city, String postalCode, boolean active, List<Mailbox> mailboxes) {

    public Structure {
        Objects.requireNonNull(finess, "finess");
        mailboxes = List.copyOf(mailboxes);
    }
}
