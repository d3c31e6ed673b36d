package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.Allergy;
import fr.duiconnect.core.dmp.content.AttachedDocument;
import fr.duiconnect.core.dmp.content.ChecklistItem;
import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.Pathology;
import fr.duiconnect.core.dmp.content.RelatedPerson;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.dmp.content.Treatment;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.dmp.cda.CdaHeader;
import fr.duiconnect.dmp.cda.CdaHeaderReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer's own checks: each refuses one rule, naming the field, before any document exists. */
class DocumentPreChecksTest {

    private final CdaDocumentWriter writer = new CdaDocumentWriter(DluDocumentTest.CLOCK, 64 * 1024);

    private static ResidentRecord.Builder base() {
        return ResidentRecord.builder(Residents.DOMINIQUE, Residents.EHPAD, Residents.COORDINATOR).attendingPhysician(Residents.ATTENDING);
    }

    private void refused(ResidentRecord resident, String code, String field) {
        assertThatThrownBy(() -> writer.dlu(resident, null)).isInstanceOf(DuiConnectException.class)
                .satisfies(e -> {
                    DuiConnectException refusal = (DuiConnectException) e;
                    assertThat(refusal.code()).isEqualTo(code);
                    assertThat(refusal.field()).contains(field);
                });
    }

    @Test
    void aProvisionalIdentityIsRefusedBecauseOnlyAQualifiedInsLeavesTheDui() {
        PersonIdentity provisional = Residents.DOMINIQUE.withStatus(IdentityStatus.VALI, Residents.DOMINIQUE.ins());
        ResidentRecord resident = ResidentRecord.builder(provisional, Residents.EHPAD, Residents.COORDINATOR)
                .attendingPhysician(Residents.ATTENDING).build();
        assertThatThrownBy(() -> writer.dlu(resident, null)).isInstanceOf(IdentityRefusedException.class)
                .hasMessageContaining("INS-IDENTITY-NOT-QUALIFIED");
    }

    @Test
    void aDluWithoutMedecinTraitantIsRefused() {
        refused(ResidentRecord.builder(Residents.DOMINIQUE, Residents.EHPAD, Residents.COORDINATOR).build(),
                "DMP-DOCUMENT-CONTENT", "resident.attendingPhysician");
    }

    @Test
    void aTreatmentEndingBeforeItStartsIsRefusedWithItsIndex() {
        refused(base().treatment(Treatment.of("A", null))
                        .treatment(new Treatment("B", null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1), null, null, null, null)).build(),
                "DMP-DOCUMENT-CONTENT", "resident.treatments[1].end");
    }

    @Test
    void aDoseWithoutUnitIsRefused() {
        refused(base().treatment(new Treatment("B", null, null, null, BigDecimal.TEN, null, 2, null)).build(),
                "DMP-DOCUMENT-CONTENT", "resident.treatments[0].doseUnit");
    }

    @Test
    void aMedicationCodedOutsideCisCipOrAtcIsRefused() {
        refused(base().treatment(new Treatment("B", new Code("123", "1.2.3.4", null), null, null, null, null, null, null)).build(),
                "DMP-DOCUMENT-CONTENT", "resident.treatments[0].code.codeSystem");
    }

    @Test
    void anAllergyDatedInTheFutureIsRefused() {
        refused(base().allergy(new Allergy(Allergy.AllergyKind.DRUG, "Pénicilline", LocalDate.of(2027, 1, 1), null)).build(),
                "DMP-DOCUMENT-CONTENT", "resident.allergies[0].since");
    }

    @Test
    void aPathologyWhoseCodeIsNotCim10IsRefusedByTheRecordItself() {
        assertThatThrownBy(() -> new Pathology("bronchite", "Bronchite", null)).isInstanceOf(DuiConnectException.class)
                .hasMessageContaining("pathology.cim10");
    }

    @Test
    void anAttachedDocumentThatIsNotAPdfIsRefused() {
        refused(base().attachedDocument(AttachedDocument.pdf(ChecklistItem.CARTE_VITALE, "GIF89a".getBytes())).build(),
                "DMP-ATTACHMENT", "resident.attachedDocuments[0].pdf");
    }

    @Test
    void attachmentsOverTheConfiguredSizeAreRefused() {
        byte[] big = Residents.pdf("x".repeat(70 * 1024));
        refused(base().attachedDocument(AttachedDocument.pdf(ChecklistItem.BIOLOGIE, big)).build(), "DMP-ATTACHMENT",
                "resident.attachedDocuments[0].pdf");
    }

    @Test
    void aChecklistItemListedTwiceIsRefused() {
        refused(base().attachedDocument(AttachedDocument.onPaper(ChecklistItem.MUTUELLE))
                .attachedDocument(AttachedDocument.notAttached(ChecklistItem.MUTUELLE)).build(), "DMP-DOCUMENT-CONTENT", "resident.attachedDocuments[1].item");
    }

    @Test
    void aFacilityTypeOutsideTreR02IsRefused() {
        Structure structure = Residents.EHPAD.structure();
        Establishment clinic = new Establishment(new Structure(structure.finessGeographique(), null, structure.name(),
                new Code("EHPAD", "1.2.3", null), structure.practiceSettingCode()), Residents.EHPAD.address(), null);
        refused(ResidentRecord.builder(Residents.DOMINIQUE, clinic, Residents.COORDINATOR).attendingPhysician(Residents.ATTENDING).build(),
                "DMP-DOCUMENT-CONTENT", "establishment.structure.facilityTypeCode");
    }

    @Test
    void aRelationshipOutsideTheRoleCodesIsRefusedByTheRecordItself() {
        assertThatThrownBy(() -> new RelatedPerson("NESSI", "Sophie", "COPINE", null)).isInstanceOf(DuiConnectException.class)
                .hasMessageContaining("relatedPerson.relationship");
    }

    @Test
    void aLetterWhoseBodyIsNotAPdfIsRefused() {
        LiaisonLetter letter = new LiaisonLetter(LiaisonLetter.LiaisonLetterKind.ENTREE, Residents.DOMINIQUE, null, LiaisonLetterTest.MAS,
                Residents.COORDINATOR, null, null, null, null, "<html>".getBytes());
        assertThatThrownBy(() -> writer.liaisonLetter(letter, null)).isInstanceOf(DuiConnectException.class)
                .hasMessageContaining("DMP-ATTACHMENT").hasMessageContaining("letter.pdf");
    }

    @Test
    void aReplacementKeepsTheSetIdIncrementsTheVersionAndNamesTheReplacedDocument() {
        GeneratedCda first = writer.dlu(Residents.minimal(), null);
        GeneratedCda second = writer.dlu(Residents.minimal(), first.asPrevious());
        CdaHeader header = CdaHeaderReader.read(second.xml());
        assertThat(second.setId()).isEqualTo(first.setId());
        assertThat(second.versionNumber()).isEqualTo(2);
        assertThat(second.uniqueId()).isNotEqualTo(first.uniqueId());
        assertThat(header.replaces()).contains(first.uniqueId());
        assertThat(header.setId()).isEqualTo(first.setId());
    }

    @Test
    void theNarrativeEscapesWhatTheDuiWrote() {
        String xml = writer.dlu(Residents.full(), null).asString();
        assertThat(xml).contains("Prothèse auditive droite &lt;à ne pas oublier&gt; &amp; lunettes.");
    }

}
