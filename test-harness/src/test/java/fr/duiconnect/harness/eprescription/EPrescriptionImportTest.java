package fr.duiconnect.harness.eprescription;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eprescription.EPrescriptionClient;
import fr.duiconnect.core.eprescription.ImportOutcome;
import fr.duiconnect.core.eprescription.LineStatus;
import fr.duiconnect.core.eprescription.MedicationCodeSystem;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.eprescription.PrescriptionImport;
import fr.duiconnect.core.eprescription.PrescriptionLine;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The e-prescription import against the simulated prescription service (FHIR R4 over HTTPS, bearer token). */
class EPrescriptionImportTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.EPRESCRIPTION);

    @RegisterExtension
    final fr.duiconnect.harness.junit.LogCapture logs = new fr.duiconnect.harness.junit.LogCapture();

    static EPrescriptionClient client;
    static EPrescriptionSimulator simulator;
    static final InsPersona EXAMPLE_PATIENT = InsPersona.byMatricule("289062913400149");

    @BeforeAll
    static void client() {
        client = sandbox.connector().eprescription();
        simulator = sandbox.sandbox().simulator(EPrescriptionSimulator.class);
    }

    private static String personaNumber(InsPersona persona, int which) {
        return simulator.store().all().stream()
                .filter(s -> persona.matricule().equals(PrescriptionStore.insOf(s.lines().get(0))) && s.number().startsWith("SIM"))
                .map(PrescriptionStore.Stored::number).sorted().toList().get(which);
    }

    @Test
    void everyIgExampleWithAnInsPatientImportsAndMaps() {
        Map<String, String> examples = simulator.store().exampleNumbers();
        List<String> withIns = examples.keySet().stream()
                .filter(n -> simulator.store().get(n).lines().stream().anyMatch(l -> PrescriptionStore.insOf(l) != null)).sorted().toList();
        assertThat(withIns).hasSize(2);
        for (String number : withIns) {
            PrescriptionImport result = client.importPrescription(number, EXAMPLE_PATIENT.identity());
            Prescription prescription = result.prescription();
            assertThat(prescription.number()).isEqualTo(number);
            assertThat(prescription.person().insMatricule()).isEqualTo("289062913400149");
            assertThat(prescription.person().birthName()).isEqualTo("CUIMEANACH");
            assertThat(prescription.person().firstNames()).containsExactly("MARSALI", "MORAG", "MAIREAD");
            assertThat(prescription.prescriber().nationalId()).isEqualTo("899999999999");
            assertThat(prescription.lines()).isNotEmpty().allSatisfy(line -> {
                assertThat(line.status()).isEqualTo(LineStatus.ACTIVE);
                assertThat(line.medication().system()).isIn(MedicationCodeSystem.UCD, MedicationCodeSystem.SMS);
                assertThat(line.dosages()).isNotEmpty();
                assertThat(line.dosageText()).startsWith("Prescription textuelle");
            });
        }
        Prescription multi = client.retrieve("10543744");
        assertThat(multi.lines()).extracting(l -> l.medication().code()).containsExactlyInAnyOrder("3400890020275", "3400893541364");
        PrescriptionLine metformine = multi.lines().stream().filter(l -> l.medication().code().equals("3400890020275")).findFirst().orElseThrow();
        assertThat(metformine.dosages().get(0).doseLow().value()).isEqualByComparingTo("0.5");
        assertThat(metformine.dosages().get(0).frequency()).isEqualTo(2);
        assertThat(metformine.dosages().get(0).when()).containsExactly("C");
        assertThat(metformine.dosages().get(0).route()).isEqualTo("Voie orale");
    }

    @Test
    void generatedPrescriptionsMapCisCipSubstitutionAndCompound() {
        InsPersona persona = InsPersona.ALL.get(1);
        Prescription first = client.retrieve(personaNumber(persona, 0));
        PrescriptionLine cis = first.lines().stream().filter(l -> l.medication().system() == MedicationCodeSystem.CIS).findFirst().orElseThrow();
        assertThat(cis.medication().code()).isEqualTo("60234100");
        assertThat(cis.dosages().get(0).asNeeded()).isTrue();
        assertThat(cis.substitutionAllowed()).isTrue();
        PrescriptionLine cip = first.lines().stream().filter(l -> l.medication().system() == MedicationCodeSystem.CIP).findFirst().orElseThrow();
        assertThat(cip.substitutionAllowed()).isFalse();
        assertThat(cip.quantity().value()).isEqualByComparingTo("30");
        assertThat(cip.treatmentDuration()).isEqualTo("30 j");
        assertThat(first.prescriber().familyName()).isEqualTo("LEGRAND");
        assertThat(first.prescriber().profession()).isEqualTo("Médecin");

        assertThat(cis.dosages().get(0).maxDosePerPeriod().toString()).isEqualTo("6 comprimé / 24 h");
        assertThat(cis.dosages().get(0).maxDosePerAdministration().value()).isEqualByComparingTo("2");
        assertThat(first.unmappedCount()).isZero();

        Prescription second = client.retrieve(personaNumber(persona, 1));
        assertThat(second.lines().get(0).medication().system()).isEqualTo(MedicationCodeSystem.COMPOUND);
        assertThat(second.lines().get(0).medication().ingredients()).extracting(i -> i.display())
                .containsExactly("vaseline", "acide salicylique");
    }

    @Test
    void aPersonasAlternativesAreImportedAsOneChoiceWithTheirConditionsNotTwoTreatments() {
        InsPersona persona = InsPersona.ALL.get(1);
        Prescription prescription = client.importPrescription(personaNumber(persona, 2), persona.identity()).prescription();
        assertThat(prescription.lines()).hasSize(2).allSatisfy(l -> assertThat(l.intent()).isEqualTo("option"));
        assertThat(prescription.alternatives()).singleElement().satisfies(choice -> assertThat(choice.values())
                .containsExactlyInAnyOrder("Sans intolérance digestive", "En cas d'intolérance digestive à la metformine"));
        assertThat(prescription.unmappedCount()).isZero();
    }

    @Test
    void importingTheSamePrescriptionTwiceSaysAlreadyImportedAndACancellationIsAnUpdate() {
        InsPersona persona = InsPersona.ALL.get(2);
        String number = personaNumber(persona, 0);
        assertThat(client.importPrescription(number, persona.identity()).outcome()).isEqualTo(ImportOutcome.IMPORTED);
        assertThat(client.importPrescription(number, persona.identity()).outcome()).isEqualTo(ImportOutcome.ALREADY_IMPORTED);
        simulator.store().cancel(number);
        PrescriptionImport update = client.importPrescription(number, persona.identity());
        assertThat(update.outcome()).isEqualTo(ImportOutcome.UPDATED);
        assertThat(update.prescription().status()).isEqualTo(LineStatus.CANCELLED);
    }

    @Test
    void aPrescriptionForAnotherPersonIsRefusedAsAnIdentitovigilanceError() {
        InsPersona persona = InsPersona.ALL.get(3);
        String number = personaNumber(persona, 0);
        PersonIdentity someoneElse = InsPersona.ALL.get(1).identity();
        assertThatThrownBy(() -> client.importPrescription(number, someoneElse))
                .isInstanceOf(IdentityRefusedException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).code()).isEqualTo("EPRESC-IDENTITY-MISMATCH"))
                .satisfies(e -> assertThat(((DuiConnectException) e).field()).contains("subject.identifier"));
    }

    @Test
    void sameInsWithDifferentBirthNameIsRefused() {
        InsPersona persona = InsPersona.ALL.get(3);
        PersonIdentity local = persona.identity();
        IdentityTraits t = local.traits();
        PersonIdentity renamed = new PersonIdentity(local.localId(), new IdentityTraits("BERNARDI", t.firstNames(), null, null, t.sex(),
                t.birthDate(), t.birthPlaceCog()), local.ins(), local.status(), local.attributes());
        assertThatThrownBy(() -> client.importPrescription(personaNumber(persona, 1), renamed))
                .isInstanceOf(IdentityRefusedException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).field()).contains("subject.name.family"));
    }

    @Test
    void listFindsAPersonsPrescriptionsWithinTheDates() {
        InsPersona persona = InsPersona.ALL.get(1);
        List<Prescription> all = client.list(persona.ins(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(all).hasSize(3);
        assertThat(all).filteredOn(p -> !p.alternatives().isEmpty()).as("its RequestGroup came with the search").hasSize(1);
        List<Prescription> none = client.list(persona.ins(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
        assertThat(none).isEmpty();
    }

    @Test
    void anUnknownNumberIsNotFound() {
        assertThatThrownBy(() -> client.retrieve("0000000000"))
                .isInstanceOf(DuiConnectException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).code()).isEqualTo("EPRESC-NOT-FOUND"));
    }

    @Test
    void aWithdrawnPrescriptionIsGone410() {
        String number = personaNumber(InsPersona.ALL.get(0), 1);
        simulator.store().withdraw(number);
        assertThatThrownBy(() -> client.retrieve(number))
                .isInstanceOf(DuiConnectException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).code()).isEqualTo("EPRESC-CANCELLED"));
    }

    @Test
    void aFailedSearchByPersonLogsNeitherTheInsNorTheNames() {
        InsPersona persona = InsPersona.ALL.get(2);
        simulator.faults().set(Fault.times(FaultKind.HTTP_500, 1));
        assertThatThrownBy(() -> client.list(persona.ins(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isInstanceOf(DuiConnectException.class);
        client.importPrescription(personaNumber(persona, 1), persona.identity());
        logs.assertNothingContains(persona.matricule(), persona.birthName(), persona.usedName());
    }

    @Test
    void aWrongBearerTokenIsRefused() {
        try (DuiConnector other = sandbox.newConnector()) {
            other.eprescription().tokenProvider(() -> fr.duiconnect.core.config.Secret.of("not-the-token"));
            assertThatThrownBy(() -> other.eprescription().retrieve(personaNumber(InsPersona.ALL.get(0), 0)))
                    .isInstanceOf(DuiConnectException.class)
                    .satisfies(e -> assertThat(((DuiConnectException) e).code()).isEqualTo("EPRESC-ACCESS-REFUSED"));
        }
    }
}
