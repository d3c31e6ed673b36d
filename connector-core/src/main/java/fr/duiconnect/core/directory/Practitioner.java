package fr.duiconnect.core.directory;

import java.util.List;
import java.util.Objects;

/**
 * A professional from the directory.
 *
 * @param rpps       the RPPS number (11 digits)
 * @param active     false for a professional no longer practising (retired, struck off)
 * @param profession the profession code (TRE_G15, e.g. 10 for médecin), or null
 * @param mailboxes  the professional's published MSSanté mailboxes
 */
public record Practitioner(String rpps, String familyName, List<String> givenNames, String prefix, boolean active,
                           String profession, List<Mailbox> mailboxes) {

    public Practitioner {
        Objects.requireNonNull(rpps, "rpps");
        givenNames = List.copyOf(givenNames);
        mailboxes = List.copyOf(mailboxes);
    }

    /** The national professional id: 8 + RPPS. */
    public String idNatPs() {
        return "8" + rpps;
    }
}
