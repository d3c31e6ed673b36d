package fr.duiconnect.dmp.document;

import fr.duiconnect.core.directory.DirectoryClient;
import fr.duiconnect.core.directory.DirectorySearch;
import fr.duiconnect.core.directory.Mailbox;
import fr.duiconnect.core.directory.Practitioner;
import fr.duiconnect.core.directory.PractitionerRole;
import fr.duiconnect.core.directory.Structure;
import fr.duiconnect.core.dmp.content.CareProfessional;
import fr.duiconnect.core.dmp.content.DirectoryDifference;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.dmp.cda.CdaValidatorTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DLU's médecin traitant checked against the Annuaire Santé: filled when the DUI gives only the RPPS, the DUI's
 * values written and the differences reported when both exist, an RPPS the directory does not know refused.
 */
class DirectoryCheckedPhysicianTest {

    static final String GP_RPPS = Residents.rpps("1000345678");
    static final String MSP = "750000044";

    /** A directory holding one médecin généraliste practising in one maison de santé; it knows nothing else. */
    static final DirectoryClient DIRECTORY = new DirectoryClient() {
        private final Map<String, Practitioner> practitioners = Map.of(GP_RPPS, new Practitioner(GP_RPPS, "LEROY", List.of("Sophie"), null, true,
                "10", "SM26", List.of(), List.of(new PractitionerRole(MSP, "MAISON DE SANTE DU PETIT PONT", "10", "SM26", "L", true))),
                Residents.ATTENDING.professional().id(), new Practitioner(Residents.ATTENDING.professional().id(), "MEDIONY", List.of("Stéphane"),
                        null, true, "10", "SM26", List.of(), List.of(new PractitionerRole(MSP, "MAISON DE SANTE DU PETIT PONT", "10", "SM26", "L", true))));
        private final Map<String, Structure> structures = Map.of(MSP, new Structure(MSP, "MAISON DE SANTE DU PETIT PONT",
                "5 RUE DU PETIT PONT", "PARIS", "75005", true, List.of(), List.of()));

        @Override public Optional<Practitioner> practitioner(String rpps) { return Optional.ofNullable(practitioners.get(rpps)); }
        @Override public List<Mailbox> mailboxesOf(String rpps) { return practitioner(rpps).map(Practitioner::mailboxes).orElse(List.of()); }
        @Override public Optional<Structure> structure(String finess) { return Optional.ofNullable(structures.get(finess)); }
        @Override public List<Practitioner> search(DirectorySearch query) { throw new UnsupportedOperationException("not used by the DLU"); }
    };

    private final CdaDocumentWriter writer = new CdaDocumentWriter(DluDocumentTest.CLOCK);

    @Test
    void aMedecinTraitantGivenOnlyByRppsIsFilledFromTheDirectoryAndTheDluPassesTheKit() {
        ResidentRecord onlyRpps = Residents.full().withAttendingPhysician(CareProfessional.byRpps(GP_RPPS));

        DirectoryCheckedPhysician.Result checked = DirectoryCheckedPhysician.check(onlyRpps, DIRECTORY);
        GeneratedCda dlu = writer.dlu(checked.resident(), null);

        assertThat(checked.differences()).isEmpty();
        CareProfessional filled = checked.resident().attendingPhysician();
        assertThat(filled.professional().familyName()).isEqualTo("LEROY");
        assertThat(filled.professional().givenName()).isEqualTo("Sophie");
        assertThat(filled.address().street()).isEqualTo("5 RUE DU PETIT PONT");
        String xml = new String(dlu.xml(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<family>LEROY</family>").contains("<streetName>RUE DU PETIT PONT</streetName>").contains("8" + GP_RPPS);
        assertThat(CdaValidatorTest.shared().validate(dlu.xml()).findings()).isEmpty();
    }

    @Test
    void whenTheDuiAndTheDirectoryDifferTheDuisValuesAreWrittenAndEachDifferenceIsReported() {
        ResidentRecord both = Residents.full();   // MEDIONI, 3 rue du Petit Pont; the directory says MEDIONY, 5 rue du Petit Pont

        DirectoryCheckedPhysician.Result checked = DirectoryCheckedPhysician.check(both, DIRECTORY);
        String xml = new String(writer.dlu(checked.resident(), null).xml(), StandardCharsets.UTF_8);

        assertThat(checked.differences()).containsExactly(
                new DirectoryDifference("resident.attendingPhysician.professional.familyName", "MEDIONI", "MEDIONY"),
                new DirectoryDifference("resident.attendingPhysician.address", "3 rue du Petit Pont, 75005 PARIS", "5 RUE DU PETIT PONT, 75005 PARIS"));
        assertThat(checked.resident().attendingPhysician()).isEqualTo(Residents.ATTENDING);
        assertThat(xml).contains("<family>MEDIONI</family>").doesNotContain("MEDIONY");
    }

    @Test
    void anRppsTheDirectoryDoesNotKnowIsRefusedNamingTheField() {
        ResidentRecord unknown = Residents.full().withAttendingPhysician(CareProfessional.byRpps(Residents.rpps("1000999999")));
        assertThatThrownBy(() -> DirectoryCheckedPhysician.check(unknown, DIRECTORY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DIRECTORY-RPPS-UNKNOWN").hasMessageContaining("resident.attendingPhysician.professional.id");
    }

    @Test
    void aMedecinTraitantKnownOnlyByRppsIsRefusedWhenTheDluIsWrittenWithoutTheDirectory() {
        ResidentRecord onlyRpps = Residents.full().withAttendingPhysician(CareProfessional.byRpps(GP_RPPS));
        assertThatThrownBy(() -> writer.dlu(onlyRpps, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("resident.attendingPhysician.professional.familyName");
    }

    @Test
    void aNameTypedLikeThePlaceholderIsStillTheDuisName() {
        CareProfessional typed = new CareProfessional(new fr.duiconnect.core.model.Professional(fr.duiconnect.core.model.ProfessionalIdKind.RPPS,
                GP_RPPS, "(Annuaire Santé)", null, null, null), null, null);
        assertThat(typed.identityFromDirectory()).isFalse();
        assertThat(CareProfessional.byRpps(GP_RPPS).identityFromDirectory()).isTrue();
    }
}
