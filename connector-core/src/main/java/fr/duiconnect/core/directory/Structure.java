package fr.duiconnect.core.directory;

import java.util.List;
import java.util.Objects;

/**
 * A structure from the directory.
 *
 * @param finess    the FINESS number it was found by
 * @param street    the first line of its address, or null
 * @param active    false for a closed structure
 * @param mailboxes its organisational and applicative MSSanté mailboxes
 * @param services  the services it provides (équipements sociaux, activités de soins)
 */
public record Structure(String finess, String name, String street, String city, String postalCode, boolean active,
                        List<Mailbox> mailboxes, List<HealthcareService> services) {

    public Structure {
        Objects.requireNonNull(finess, "finess");
        mailboxes = List.copyOf(mailboxes);
        services = List.copyOf(services);
    }
}
