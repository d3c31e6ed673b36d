package fr.duiconnect.eparcours;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Timeouts;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteRef;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.eparcours.NoteVisibility;
import fr.duiconnect.core.eparcours.ReceivedNote;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.fhir.BundleIndex;
import fr.duiconnect.fhir.FhirValidators;
import fr.duiconnect.fhir.ProfileValidator;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notes written as the CdL IG's creation transaction conform to its profiles; a docStatus is refused. */
class NoteWriterTest {

    /** The tests' validators, built once for this test JVM (as a connector's are, once per JVM). */
    private static final FhirValidators VALIDATORS = new FhirValidators();
    static ProfileValidator validator;
    static NoteWriter writer;
    static final Ins INS = Ins.of("1350575112345", Ins.computeKey("1350575112345"), InsKind.NIR);
    static final PersonIdentity PERSON = new PersonIdentity("R-1", new IdentityTraits("MARTIN", List.of("JEAN", "PIERRE"), null, null,
            Sex.M, LocalDate.of(1935, 5, 12), "75112"), INS, IdentityStatus.QUAL, Set.of());

    @BeforeAll
    static void validator() {
        validator = moduleValidator();
        Path cdl = ig("cahier-de-liaison");
        writer = new NoteWriter(EParcoursSettings.from(new EndpointConfig(URI.create("https://127.0.0.1/fhir"), Timeouts.DEFAULT, null,
                Map.of("ig.packages", cdl.toString(), "finess", "750000010"))));
    }

    static Path ig(String folder) {
        return Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/fhir", folder, "package.tgz");
    }

    /** The validator the module builds: the CdL, CdS and NdE IGs with their dependencies (FR Core, Annuaire, NOS) from fhir/deps. */
    static ProfileValidator moduleValidator() {
        return VALIDATORS.validator(List.of(ig("cahier-de-liaison"), ig("cercle-de-soins"), ig("notification-evenements")), null,
                ProfileValidator.CDL_ERRATA);
    }

    private static DocumentReference noteOf(Bundle bundle) {
        return (DocumentReference) bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DocumentReference.class::isInstance).findFirst().orElseThrow();
    }

    @Test
    void aCreationTransactionConformsToCdlBundleCreationNote() {
        Bundle bundle = writer.creation(NoteDraft.of(PERSON, NoteType.DEM_AVIS, "Avis sur la plaie ?").markedUrgent()
                .withVisibility(NoteVisibility.INVISIBLE_REPRESENTANTS_LEGAUX), INS, "n-1", null, Instant.parse("2026-11-22T10:00:00Z"));
        List<ConformanceIssue> issues = validator.validate(bundle);
        assertThat(issues).noneMatch(i -> i.severity().blocking());
        DocumentReference note = noteOf(bundle);
        assertThat(note.getType().getCodingFirstRep().getCode()).isEqualTo("DEM-AVIS");
        assertThat(note.hasDocStatus()).isFalse();
        assertThat(bundle.getEntry()).anySatisfy(e -> assertThat(e.getRequest().getIfNoneExist())
                .isEqualTo("identifier=urn:oid:1.2.250.1.213.1.4.8|" + INS.matricule()));
    }

    @Test
    void aReplyAppendsToItsParentAndReadsBack() {
        Bundle bundle = writer.creation(NoteDraft.of(PERSON, NoteType.OBS, "Réponse."), INS, "n-2", new NoteRef("note-7", "3"),
                Instant.parse("2026-11-22T10:00:00Z"));
        DocumentReference note = noteOf(bundle);
        note.setId("DocumentReference/note-8/_history/1");
        ReceivedNote read = NoteReader.read(note, new BundleIndex(bundle), false);
        assertThat(read.replyTo().id()).isEqualTo("note-7");
        assertThat(read.text()).isEqualTo("Réponse.");
        assertThat(read.type()).isEqualTo(NoteType.OBS);
        assertThat(read.authorName()).contains("Structure 750000010");
    }

    @Test
    void docStatusIsForbiddenByCdlDocumentReference() {
        DocumentReference note = noteOf(writer.creation(NoteDraft.of(PERSON, NoteType.GEN, "x"), INS, "n-3", null, Instant.now()));
        note.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        assertThat(validator.validate(note, NoteWriter.NOTE_PROFILE)).filteredOn(i -> i.severity().blocking())
                .anySatisfy(i -> assertThat(i.message()).contains("docStatus"));
    }

    private static <T> T entryOf(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void theNotesPatientFollowsFrCorePatientInsWithReliabilityAndBirthPlace() {
        Bundle bundle = writer.creation(NoteDraft.of(PERSON, NoteType.OBS, "x"), INS, "n-4", null, Instant.parse("2026-11-22T10:00:00Z"));
        Patient patient = entryOf(bundle, Patient.class);
        assertThat(validator.validate(patient, FrCore.PATIENT_INS)).noneMatch(i -> i.severity().blocking());
        Extension reliability = patient.getExtensionByUrl(FrCore.IDENTITY_RELIABILITY);
        assertThat(((Coding) reliability.getExtensionByUrl("identityStatus").getValue()).getCode()).as("QUAL: validated").isEqualTo("VALI");
        assertThat(((Coding) reliability.getExtensionByUrl("methodCollection").getValue()).getCode()).as("QUAL: from INSi").isEqualTo("INSI");
        Address place = (Address) patient.getExtensionByUrl(FrCore.BIRTH_PLACE).getValue();
        assertThat(((Coding) place.getExtensionByUrl(FrCore.INSEE_CODE).getValue()).getCode()).isEqualTo("75112");
        assertThat(patient.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("INS-NIR");
    }

    @Test
    void frCorePatientInsRequiresTheBirthPlace() {
        Patient patient = entryOf(writer.creation(NoteDraft.of(PERSON, NoteType.OBS, "x"), INS, "n-5", null, Instant.now()), Patient.class);
        patient.getExtension().removeIf(e -> FrCore.BIRTH_PLACE.equals(e.getUrl()));
        assertThat(validator.validate(patient, FrCore.PATIENT_INS)).filteredOn(i -> i.severity().blocking())
                .anySatisfy(i -> assertThat(i.message()).contains("birthPlace"));
    }

    @Test
    void aPersonWithoutBirthPlaceIsRefusedBeforeAnythingIsWritten() {
        PersonIdentity noPlace = new PersonIdentity("R-2", new IdentityTraits("MARTIN", List.of("JEAN"), null, null, Sex.M,
                LocalDate.of(1935, 5, 12), null), INS, IdentityStatus.QUAL, Set.of());
        assertThatThrownBy(() -> writer.creation(NoteDraft.of(noPlace, NoteType.OBS, "x"), INS, "n-6", null, Instant.now()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("person.traits.birthPlaceCog");
    }

    @Test
    void anAuthoredReplyUsesTheNosSystemsAndDisplaysOfTreG15TreR234AndTreA07() {
        Professional nurse = new Professional(ProfessionalIdKind.RPPS, "10000000009", "DURAND", "ALICE",
                Code.of("60", "1.2.250.1.213.1.1.4.5", "Infirmier"), null);
        Bundle bundle = writer.creation(NoteDraft.of(PERSON, NoteType.INTERV, "Pansement refait.").by(nurse)
                .withVisibility(NoteVisibility.INVISIBLE_PATIENT), INS, "n-7", new NoteRef("note-7", "1"), Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(validator.validate(bundle)).noneMatch(i -> i.severity().blocking());
        DocumentReference note = noteOf(bundle);
        assertThat(note.getType().getCodingFirstRep().getDisplay()).isEqualTo("Note d'intervention");
        assertThat(note.getSecurityLabelFirstRep().getCodingFirstRep().getDisplay()).isEqualTo("Non visible par le patient");
        Coding profession = entryOf(bundle, PractitionerRole.class).getCodeFirstRep().getCodingFirstRep();
        assertThat(profession.getSystem()).isEqualTo("https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante");
        assertThat(entryOf(bundle, Practitioner.class).getIdentifier()).extracting(Identifier::getValue)
                .containsExactly("810000000009", "10000000009");
    }

    /** The concepts of a NOS code system as loaded from the packages folder (ans.fr.nos): code to display. */
    private static Map<String, String> nos(String url) {
        return validator.packages().packages().stream().flatMap(p -> p.conformance().stream())
                .filter(r -> r instanceof CodeSystem cs && url.equals(cs.getUrl())).map(CodeSystem.class::cast).findFirst().orElseThrow()
                .getConcept().stream().collect(java.util.stream.Collectors.toMap(CodeSystem.ConceptDefinitionComponent::getCode,
                        CodeSystem.ConceptDefinitionComponent::getDisplay));
    }

    @Test
    void noteTypesAndVisibilitiesCarryTheCodesAndDisplaysOfTreR234AndTreA07() {
        Map<String, String> types = nos(NoteType.SYSTEM);
        for (NoteType type : NoteType.values()) {
            assertThat(type.display()).as(type.code()).isEqualTo(types.get(type.code()));
        }
        Map<String, String> visibilities = nos(NoteVisibility.DEFAULT_SYSTEM);
        for (NoteVisibility visibility : NoteVisibility.values()) {
            if (visibility != NoteVisibility.NORMAL) {
                assertThat(visibility.display()).as(visibility.code()).isEqualTo(visibilities.get(visibility.code()));
            }
        }
    }

    @Test
    void aCodeOutsideJdvJ23IsRefused() {
        Bundle bundle = writer.creation(NoteDraft.of(PERSON, NoteType.OBS, "x"), INS, "n-8", null, Instant.now());
        noteOf(bundle).getType().getCodingFirstRep().setCode("OBSERVATION");
        assertThat(validator.validate(bundle)).filteredOn(i -> i.severity().blocking())
                .anySatisfy(i -> assertThat(i.message()).contains("OBSERVATION"));
    }
}
