package fr.duiconnect.core.directory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A professional from the directory.
 *
 * @param rpps       the RPPS number (11 digits)
 * @param active     false for a professional no longer practising (retired, struck off)
 * @param profession the profession code (TRE_G15, e.g. 10 for médecin), or null
 * @param specialty  the spécialité ordinale (TRE_R38, e.g. SM26 qualifié en médecine générale), or null
 * @param mailboxes  the professional's published MSSanté mailboxes
 * @param roles      where and how they practise, with the structures (empty when the directory lists none)
 */
public record Practitioner(String rpps, String familyName, List<String> givenNames, String prefix, boolean active,
                           String profession, String specialty, List<Mailbox> mailboxes, List<PractitionerRole> roles) {

    public Practitioner {
        Objects.requireNonNull(rpps, "rpps");
        givenNames = List.copyOf(givenNames);
        mailboxes = List.copyOf(mailboxes);
        roles = List.copyOf(roles);
    }

    /** A professional whose specialty and roles are not known (e.g. from a search answer). */
    public Practitioner(String rpps, String familyName, List<String> givenNames, String prefix, boolean active, String profession,
                        List<Mailbox> mailboxes) {
        this(rpps, familyName, givenNames, prefix, active, profession, null, mailboxes, List.of());
    }

    /** The national professional id: 8 + RPPS. */
    public String idNatPs() {
        return "8" + rpps;
    }

    /** The first active role that names a structure: where a letter to the professional is addressed. */
    public Optional<PractitionerRole> mainRole() {
        return roles.stream().filter(r -> r.active() && r.finess() != null).findFirst();
    }
}
