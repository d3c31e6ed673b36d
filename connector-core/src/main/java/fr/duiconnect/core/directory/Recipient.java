package fr.duiconnect.core.directory;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Require;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A message recipient known by RPPS (the DUI knows the médecin traitant's RPPS, rarely their MSSanté address),
 * resolved through the directory to the professional's personal mailbox. When that is not one clear address, the
 * refusal lists what the directory publishes so that the DUI's user can choose.
 */
public record Recipient(String rpps) {

    public Recipient {
        Require.text(rpps, "to.rpps");
    }

    public static Recipient byRpps(String rpps) {
        return new Recipient(rpps);
    }

    /** The professional's one personal (PER) mailbox, or an {@link InvalidInputException} naming {@code to.rpps}. */
    public String address(DirectoryClient directory) {
        Practitioner practitioner = directory.practitioner(rpps).orElseThrow(() -> new InvalidInputException(
                DirectoryErrorCode.RPPS_UNKNOWN, "to.rpps", "RPPS " + rpps + " is not in the Annuaire Santé"));
        if (!practitioner.active()) {
            throw new InvalidInputException(DirectoryErrorCode.NOT_PRACTISING, "to.rpps",
                    "RPPS " + rpps + " (" + practitioner.familyName() + ") is no longer practising");
        }
        List<Mailbox> personal = practitioner.mailboxes().stream().filter(m -> m.type() == MailboxType.PER).toList();
        if (personal.size() == 1) {
            return personal.get(0).address();
        }
        String published = practitioner.mailboxes().isEmpty() ? "none"
                : practitioner.mailboxes().stream().map(m -> m.type() + " " + m.address()).collect(Collectors.joining(", "));
        throw new InvalidInputException(DirectoryErrorCode.NO_PERSONAL_MAILBOX, "to.rpps", "RPPS " + rpps + " ("
                + practitioner.familyName() + ") has " + (personal.isEmpty() ? "no" : personal.size()) + " personal mailbox"
                + (personal.isEmpty() ? "" : "es: choose one") + "; published: " + published);
    }
}
