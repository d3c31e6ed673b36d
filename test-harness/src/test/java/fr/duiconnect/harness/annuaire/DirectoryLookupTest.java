package fr.duiconnect.harness.annuaire;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.directory.DirectoryClient;
import fr.duiconnect.core.directory.DirectorySearch;
import fr.duiconnect.core.directory.Mailbox;
import fr.duiconnect.core.directory.MailboxType;
import fr.duiconnect.core.directory.Practitioner;
import fr.duiconnect.core.directory.Structure;
import fr.duiconnect.core.error.ContentRefusedException;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.harness.annuaire.DirectoryStore.SimProfessional;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The directory client against the simulated Annuaire Santé (FHIR R4 over HTTPS, ESANTE-API-KEY). */
class DirectoryLookupTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.ANNUAIRE);

    static DirectoryClient directory;
    static AnnuaireSimulator simulator;

    @BeforeAll
    static void client() {
        directory = sandbox.connector().directory();
        simulator = sandbox.sandbox().simulator(AnnuaireSimulator.class);
    }

    private static SimProfessional professional(java.util.function.Predicate<SimProfessional> which) {
        return simulator.store().professionals().stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    void aProfessionalIsFoundByRppsWithNamesAndProfession() {
        SimProfessional known = professional(p -> p.active() && p.perMailbox() != null);
        Practitioner found = directory.practitioner(known.rpps()).orElseThrow();
        assertThat(found.rpps()).isEqualTo(known.rpps());
        assertThat(found.idNatPs()).isEqualTo("8" + known.rpps());
        assertThat(found.familyName()).isEqualTo(known.family());
        assertThat(found.givenNames()).containsExactly(known.given());
        assertThat(found.active()).isTrue();
        assertThat(found.profession()).isEqualTo("10");
    }

    @Test
    void anUnknownRppsIsAnEmptyResultNotAnError() {
        assertThat(directory.practitioner("10000000009")).isEmpty();
        assertThat(directory.mailboxesOf("10000000009")).isEmpty();
    }

    @Test
    void aRetiredProfessionalIsReturnedAsInactive() {
        SimProfessional retired = professional(p -> !p.active());
        assertThat(directory.practitioner(retired.rpps()).orElseThrow().active()).isFalse();
    }

    @Test
    void mailboxesCarryTheirBalType() {
        SimProfessional both = professional(p -> p.perMailbox() != null && p.cabMailbox() != null);
        assertThat(directory.mailboxesOf(both.rpps())).extracting(Mailbox::address, Mailbox::type)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(both.perMailbox(), MailboxType.PER),
                        org.assertj.core.groups.Tuple.tuple(both.cabMailbox(), MailboxType.CAB));
        SimProfessional none = professional(p -> p.perMailbox() == null && p.cabMailbox() == null);
        assertThat(directory.mailboxesOf(none.rpps())).isEmpty();
    }

    @Test
    void aStructureIsFoundByFinessWithItsOrganisationalAndApplicativeMailboxes() {
        Structure ehpad = directory.structure("750000010").orElseThrow();
        assertThat(ehpad.name()).isEqualTo("EHPAD LES TILLEULS");
        assertThat(ehpad.city()).isEqualTo("PARIS");
        assertThat(ehpad.mailboxes()).extracting(Mailbox::type).containsExactlyInAnyOrder(MailboxType.ORG, MailboxType.APP);
        assertThat(directory.structure("130000011").orElseThrow().mailboxes()).isEmpty();
        assertThat(directory.structure("970000017")).isEmpty();
    }

    @Test
    void homonymsAreAllReturnedAndACitySeparatesThem() {
        List<Practitioner> claires = directory.search(DirectorySearch.byName("MARTIN")).stream()
                .filter(p -> p.givenNames().contains("Claire")).toList();
        assertThat(claires).hasSizeGreaterThanOrEqualTo(2);
        List<Practitioner> inLyon = directory.search(DirectorySearch.byName("MARTIN").inCity("Lyon"));
        assertThat(inLyon).filteredOn(p -> p.givenNames().contains("Claire")).hasSize(1);
    }

    @Test
    void aRepeatedLookupIsServedFromTheCache() {
        SimProfessional known = professional(p -> p.active() && p.family().equals("ROUX"));
        directory.practitioner(known.rpps());
        long before = simulator.requestCount();
        directory.practitioner(known.rpps());
        directory.mailboxesOf(known.rpps());
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void aBadRppsIsRefusedBeforeAnyRequest() {
        long before = simulator.requestCount();
        assertThatThrownBy(() -> directory.practitioner("10000000008")).isInstanceOf(InvalidInputException.class).hasMessageContaining("rpps");
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void aResourceThatDoesNotConformToTheAnnuaireIgIsRefused() {
        // The last generated professional, whom no other test looks up or searches for.
        List<SimProfessional> all = simulator.store().professionals();
        SimProfessional victim = all.get(all.size() - 1);
        assertThat(victim.family()).isNotIn("MARTIN", "ROUX", "LEROY");
        simulator.store().corrupt(victim.rpps());
        assertThatThrownBy(() -> directory.practitioner(victim.rpps())).isInstanceOf(ContentRefusedException.class)
                .hasMessageContaining("ANNUAIRE-RESOURCE-INVALID").hasMessageContaining("rpps");
    }

    @Test
    void aWrongApiKeyIsAnAccessRefusal() {
        String configured = simulator.apiKey();
        simulator.acceptApiKey("another-key");
        try {
            assertThatThrownBy(() -> directory.practitioner("20000000008")).isInstanceOf(DuiConnectException.class)
                    .hasMessageContaining("ANNUAIRE-ACCESS-REFUSED");
        } finally {
            simulator.acceptApiKey(configured);
        }
    }
}
