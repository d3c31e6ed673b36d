package fr.duiconnect.core.directory;

import fr.duiconnect.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A recipient by RPPS goes to the professional's one personal mailbox; otherwise the refusal lists what exists. */
class RecipientByRppsTest {

    private static Mailbox box(String address, MailboxType type) {
        return new Mailbox(address, type, null, null, false);
    }

    private static Practitioner practitioner(String rpps, boolean active, Mailbox... mailboxes) {
        return new Practitioner(rpps, "MARTIN", List.of("Claire"), null, active, "10", List.of(mailboxes));
    }

    /** A directory holding these professionals, as the Annuaire Santé would answer for them. */
    private static DirectoryClient directory(Practitioner... practitioners) {
        Map<String, Practitioner> byRpps = new java.util.HashMap<>();
        for (Practitioner p : practitioners) {
            byRpps.put(p.rpps(), p);
        }
        return new DirectoryClient() {
            @Override public Optional<Practitioner> practitioner(String rpps) { return Optional.ofNullable(byRpps.get(rpps)); }
            @Override public List<Mailbox> mailboxesOf(String rpps) { return practitioner(rpps).map(Practitioner::mailboxes).orElse(List.of()); }
            @Override public Optional<Structure> structure(String finess) { return Optional.empty(); }
            @Override public List<Practitioner> search(DirectorySearch query) { return List.of(); }
        };
    }

    @Test
    void theOnePersonalMailboxIsTheAddress() {
        DirectoryClient directory = directory(practitioner("10000000009", true, box("c.martin@medecin.mssante.fr", MailboxType.PER),
                box("cabinet@medecin.mssante.fr", MailboxType.CAB)));
        assertThat(Recipient.byRpps("10000000009").address(directory)).isEqualTo("c.martin@medecin.mssante.fr");
    }

    @Test
    void noMailboxAtAllIsRefusedSayingNone() {
        assertThatThrownBy(() -> Recipient.byRpps("10000000009").address(directory(practitioner("10000000009", true))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("DIRECTORY-NO-PERSONAL-MAILBOX")
                .hasMessageContaining("to.rpps").hasMessageContaining("published: none");
    }

    @Test
    void onlyACabinetMailboxIsRefusedListingIt() {
        DirectoryClient directory = directory(practitioner("10000000009", true, box("cabinet@medecin.mssante.fr", MailboxType.CAB)));
        assertThatThrownBy(() -> Recipient.byRpps("10000000009").address(directory))
                .hasMessageContaining("no personal mailbox").hasMessageContaining("CAB cabinet@medecin.mssante.fr");
    }

    @Test
    void severalPersonalMailboxesAreRefusedListingThemAll() {
        DirectoryClient directory = directory(practitioner("10000000009", true, box("a@medecin.mssante.fr", MailboxType.PER),
                box("b@hopital.mssante.fr", MailboxType.PER)));
        assertThatThrownBy(() -> Recipient.byRpps("10000000009").address(directory))
                .hasMessageContaining("2 personal mailboxes: choose one").hasMessageContaining("PER a@medecin.mssante.fr, PER b@hopital.mssante.fr");
    }

    @Test
    void anUnknownRppsIsRefused() {
        assertThatThrownBy(() -> Recipient.byRpps("10000000009").address(directory()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("DIRECTORY-RPPS-UNKNOWN");
    }

    @Test
    void aProfessionalNoLongerPractisingIsRefused() {
        DirectoryClient directory = directory(practitioner("10000000009", false, box("c.martin@medecin.mssante.fr", MailboxType.PER)));
        assertThatThrownBy(() -> Recipient.byRpps("10000000009").address(directory)).hasMessageContaining("DIRECTORY-NOT-PRACTISING");
    }
}
