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
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.r4.model.Bundle;
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

/** Notes written as the CdL IG's creation transaction conform to its profiles; a docStatus is refused. */
class NoteWriterTest {

    static ProfileValidator validator;
    static NoteWriter writer;
    static final Ins INS = Ins.of("1350575112345", Ins.computeKey("1350575112345"), InsKind.NIR);
    static final PersonIdentity PERSON = new PersonIdentity("R-1", new IdentityTraits("MARTIN", List.of("JEAN", "PIERRE"), null, null,
            Sex.M, LocalDate.of(1935, 5, 12), "75112"), INS, IdentityStatus.QUAL, Set.of());

    @BeforeAll
    static void validator() {
        String shared = System.getProperty("dui.shared.dir", "../../shared");
        Path cdl = Path.of(shared, "conformance/fhir/cahier-de-liaison/package.tgz");
        FhirContext context = FhirContext.forR4();
        validator = new ProfileValidator(context, FhirPackageSet.load(context, List.of(cdl)));
        writer = new NoteWriter(EParcoursSettings.from(new EndpointConfig(URI.create("https://127.0.0.1/fhir"), Timeouts.DEFAULT, null,
                Map.of("ig.packages", cdl.toString(), "finess", "750000010"))));
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
}
