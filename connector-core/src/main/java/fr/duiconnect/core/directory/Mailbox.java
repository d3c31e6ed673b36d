package fr.duiconnect.core.directory;

import java.util.Objects;

/**
 * An MSSanté mailbox as the directory publishes it.
 *
 * @param address     the mailbox address
 * @param type        PER, CAB, ORG or APP
 * @param description the directory's description, or null
 * @param service     the service the mailbox belongs to, or null
 * @param redListed   true when the holder asked not to be listed (liste rouge): not to be offered in pick lists
 */
public record Mailbox(String address, MailboxType type, String description, String service, boolean redListed) {

    public Mailbox {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
    }
}
