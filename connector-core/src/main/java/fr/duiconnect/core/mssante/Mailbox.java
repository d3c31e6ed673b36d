package fr.duiconnect.core.mssante;

import fr.duiconnect.core.model.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * A sending MSSanté mailbox and what its display name is made of (ECO.2.2.7 / MSS va1.16):
 * personal {@code <Titre>_<Prénom>_<NOM>_<Entité fonctionnelle>} (only prénom and nom mandatory);
 * organisational or application {@code <Entité fonctionnelle>}.
 *
 * @param address        the BAL address, e.g. {@code ehpad-les-tilleuls_auto@ehpad.mssante.fr}
 * @param kind           personal, organisational or application
 * @param title          titre (Dr, Pr...), personal only, may be null
 * @param givenName      prénom, personal only
 * @param familyName     nom, personal only
 * @param functionalUnit entité fonctionnelle; mandatory for organisational and application mailboxes
 */
public record Mailbox(String address, MailboxKind kind, String title, String givenName, String familyName,
                      String functionalUnit) {

    /** addr-spec without comments or display name; the domain has at least one dot. */
    public static final String ADDRESS_PATTERN = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+";

    public Mailbox {
        Require.matches(address, ADDRESS_PATTERN, "mailbox.address", "an e-mail address (local-part@domain)");
        Require.present(kind, "mailbox.kind");
        if (kind == MailboxKind.PERSONAL) {
            Require.text(givenName, "mailbox.givenName");
            Require.text(familyName, "mailbox.familyName");
        } else {
            Require.text(functionalUnit, "mailbox.functionalUnit");
        }
    }

    public static Mailbox personal(String address, String title, String givenName, String familyName, String functionalUnit) {
        return new Mailbox(address, MailboxKind.PERSONAL, title, givenName, familyName, functionalUnit);
    }

    public static Mailbox organisational(String address, String functionalUnit) {
        return new Mailbox(address, MailboxKind.ORGANISATIONAL, null, null, null, functionalUnit);
    }

    public static Mailbox application(String address, String functionalUnit) {
        return new Mailbox(address, MailboxKind.APPLICATION, null, null, null, functionalUnit);
    }

    /** The {@code From:} display name ECO.2.2.7 prescribes for this kind of mailbox. */
    public String displayName() {
        if (kind != MailboxKind.PERSONAL) {
            return functionalUnit.trim();
        }
        List<String> parts = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            parts.add(title.trim());
        }
        parts.add(givenName.trim());
        parts.add(familyName.trim().toUpperCase(java.util.Locale.ROOT));
        if (functionalUnit != null && !functionalUnit.isBlank()) {
            parts.add(functionalUnit.trim());
        }
        return String.join("_", parts);
    }

    public String domain() {
        return address.substring(address.indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
