package fr.duiconnect.harness.annuaire;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.directory.DirectoryClient;
import fr.duiconnect.core.directory.DirectorySearch;
import fr.duiconnect.core.directory.HealthcareService;
import fr.duiconnect.core.directory.Mailbox;
import fr.duiconnect.core.directory.MailboxType;
import fr.duiconnect.core.directory.Practitioner;
import fr.duiconnect.core.directory.PractitionerRole;
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
        assertThat(directory.structure("970000022")).isEmpty();
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
        // A generated professional whom no other test looks up or searches for (by MARTIN, or by MA for the paging).
        List<SimProfessional> all = simulator.store().professionals();
        SimProfessional victim = all.stream().filter(p -> !List.of("MARTIN", "ROUX", "LEROY").contains(p.family())
                && !p.family().startsWith("MA") && !p.given().toUpperCase(java.util.Locale.ROOT).startsWith("MA"))
                .reduce((first, second) -> second).orElseThrow();
        simulator.store().corrupt(victim.rpps());
        assertThatThrownBy(() -> directory.practitioner(victim.rpps())).isInstanceOf(ContentRefusedException.class)
                .hasMessageContaining("ANNUAIRE-RESOURCE-INVALID").hasMessageContaining("rpps");
    }

    @Test
    void aWrongApiKeyIsAnAccessRefusal() {
        String configured = simulator.credential();
        simulator.acceptCredential("another-key");
        try {
            assertThatThrownBy(() -> directory.practitioner("20000000008")).isInstanceOf(DuiConnectException.class)
                    .hasMessageContaining("ANNUAIRE-ACCESS-REFUSED");
        } finally {
            simulator.acceptCredential(configured);
        }
    }

    @Test
    void aProfessionalComesWithTheirSpecialtyAndTheRolesTheyHoldInStructures() {
        Practitioner gp = directory.practitioner(DirectoryStore.TREATING_GP.rpps()).orElseThrow();
        assertThat(gp.specialty()).isEqualTo("SM26");
        assertThat(gp.roles()).containsExactly(new PractitionerRole("750000044", "MAISON DE SANTE DU PETIT PONT", "10", "SM26", "L", true));
        assertThat(gp.mainRole()).map(PractitionerRole::finess).contains("750000044");
    }

    @Test
    void aStructureComesWithItsAddressAndTheServicesItProvides() {
        Structure ehpad = directory.structure("750000010").orElseThrow();
        assertThat(ehpad.street()).isEqualTo("12 RUE DES TILLEULS");
        assertThat(ehpad.services()).containsExactly(new HealthcareService(HealthcareService.Kind.SOCIAL_EQUIPMENT, "924", null, true));
        assertThat(directory.structure("690000013").orElseThrow().services()).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(HealthcareService.Kind.HEALTHCARE_ACTIVITY))
                .satisfies(s -> assertThat(s.authorization()).isNotBlank());
    }

    @Test
    void anUnknownFinessIsATypedNotFoundNamingTheField() {
        assertThatThrownBy(() -> directory.requireStructure("970000022")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DIRECTORY-FINESS-UNKNOWN").hasMessageContaining("finess");
    }

    @Test
    void aFinessWithAWrongControlKeyIsRefusedBeforeAnyRequest() {
        long before = simulator.requestCount();
        assertThatThrownBy(() -> directory.structure("750000011")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ANNUAIRE-FINESS-KEY").hasMessageContaining("finess");
        assertThat(simulator.requestCount()).isEqualTo(before);
    }

    @Test
    void aSearchWithMoreResultsThanOnePageFollowsTheNextLinksToTheEnd() {
        String prefix = "MA";
        long expected = simulator.store().professionals().stream().filter(p -> p.family().startsWith(prefix)
                || p.given().toUpperCase(java.util.Locale.ROOT).startsWith(prefix)).count();
        assertThat(expected).as("more results than one page").isGreaterThan(AnnuaireSimulator.PAGE_SIZE);
        long before = simulator.requestCount();
        List<Practitioner> found = directory.search(DirectorySearch.byName(prefix));
        assertThat(found).hasSize((int) expected);
        assertThat(simulator.requestCount() - before).as("one request per page")
                .isEqualTo((expected + AnnuaireSimulator.PAGE_SIZE - 1) / AnnuaireSimulator.PAGE_SIZE);
    }
}
