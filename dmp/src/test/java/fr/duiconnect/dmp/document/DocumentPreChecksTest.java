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
import fr.duiconnect.core.dmp.content.CareProfessional;
import fr.duiconnect.core.dmp.content.Treatment;
import fr.duiconnect.core.dmp.content.Vaccination;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.dmp.cda.CdaHeader;
import fr.duiconnect.dmp.cda.CdaHeaderReader;
import fr.duiconnect.dmp.cda.CdaValidatorTest;
import fr.duiconnect.dmp.xds.DmpCodes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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
                "DMP-DOCUMENT-CONTENT", "resident.establishment.structure.facilityTypeCode");
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


    // ------------------------------------------------------------------ rules as wide as the kit (issue 20)

    private final CdaDocumentWriter withKit = new CdaDocumentWriter(DluDocumentTest.CLOCK, 64 * 1024,
            Terminology.fromKit(CdaValidatorTest.kit()));

    private static PersonIdentity bornIn1939(String birthPlaceCog) {
        PersonIdentity d = Residents.DOMINIQUE;
        IdentityTraits t = d.traits();
        return new PersonIdentity(d.localId(), new IdentityTraits(t.birthName(), t.firstNames(), t.usedName(), t.usedFirstName(), t.sex(),
                t.birthDate(), birthPlaceCog), d.ins(), d.status(), d.attributes());
    }

    /** SMDS_CDAClinicalDocument: with the INS, its traits — birth place COG included — are mandatory. */
    @Test
    void aQualifiedInsWithoutBirthPlaceIsRefused_SMDS_CDAClinicalDocument() {
        refused(ResidentRecord.builder(bornIn1939(null), Residents.EHPAD, Residents.COORDINATOR).attendingPhysician(Residents.ATTENDING).build(),
                "DMP-DOCUMENT-CONTENT", "resident.person.traits.birthPlaceCog");
    }

    @Test
    void aLetterForAQualifiedInsWithoutBirthPlaceIsRefusedToo() {
        LiaisonLetter letter = new LiaisonLetter(LiaisonLetter.LiaisonLetterKind.ENTREE, bornIn1939(null), null, LiaisonLetterTest.MAS,
                Residents.COORDINATOR, null, null, null, null, Residents.pdf("Lettre"));
        assertThatThrownBy(() -> writer.liaisonLetter(letter, null)).isInstanceOf(DuiConnectException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).field()).contains("letter.person.traits.birthPlaceCog"));
    }

    /** XML 1.0 cannot carry U+0007 (bell, pasted from a word processor): refused with the field, never stripped. */
    @Test
    void aControlCharacterInFreeTextIsRefusedNamingTheField() {
        refused(base().comment("Chute\u0007 le 12/11").build(), "DMP-DOCUMENT-CONTENT", "resident.comment");
        refused(base().treatment(Treatment.of("DOLIPRANE\u000B 500 mg", null)).build(), "DMP-DOCUMENT-CONTENT", "resident.treatments[0].medication");
        refused(base().trustedPerson(new RelatedPerson("NESSI\u0002", null, "SIS", null)).build(), "DMP-DOCUMENT-CONTENT",
                "resident.trustedPerson.familyName");
    }

    @Test
    void emojisAndAccentsAreLegalXmlText() {
        assertThat(XmlText.firstIllegal("Soins 😀 à l'étage — « oui »\t\n")).isEqualTo(-1);
        assertThat(XmlText.firstIllegal("demi \uD83D seul")).isEqualTo(5);
        assertThat(XmlText.firstIllegal("\uFFFE")).isZero();
    }

    @Test
    void anAdmissionBeforeTheBirthDateIsRefused() {
        refused(base().admittedOn(LocalDate.of(1930, 1, 1)).build(), "DMP-DOCUMENT-CONTENT", "resident.admittedOn");
    }

    @Test
    void aTreatmentStartingInTheFutureIsRefused() {
        refused(base().treatment(new Treatment("B", null, LocalDate.of(2031, 1, 1), null, null, null, null, null)).build(),
                "DMP-DOCUMENT-CONTENT", "resident.treatments[0].start");
    }

    @Test
    void aVaccinationBeforeTheBirthDateIsRefused() {
        refused(base().vaccination(new Vaccination("Tétanos", null, LocalDate.of(1920, 5, 1), null)).build(),
                "DMP-DOCUMENT-CONTENT", "resident.vaccinations[0].date");
    }

    @Test
    void aLetterAboutAStayBeforeTheBirthDateIsRefused() {
        LiaisonLetter letter = new LiaisonLetter(LiaisonLetter.LiaisonLetterKind.SORTIE, Residents.DOMINIQUE, null, LiaisonLetterTest.MAS,
                Residents.COORDINATOR, null, null, LocalDate.of(1938, 1, 1), null, Residents.pdf("Lettre"));
        assertThatThrownBy(() -> writer.liaisonLetter(letter, null)).satisfies(e -> assertThat(((DuiConnectException) e).field())
                .contains("letter.stayStart"));
    }

    /** E_produitDeSante_fr [1]: the CIS is the product's code, so a product has one at most. */
    @Test
    void aProductWithTwoCisCodesIsRefused() {
        Treatment twice = new Treatment("FUROSEMIDE", new Code("60234100", HealthProducts.CIS, null), null, null, null, null, null, null,
                List.of(new Code("60234101", HealthProducts.CIS, null)));
        refused(base().treatment(twice).build(), "DMP-DOCUMENT-CONTENT", "resident.treatments[0].otherCodes[0]");
    }

    @Test
    void aProductCodedOutsideCisCipUcdAtcIsRefused() {
        Treatment snomed = new Treatment("X", new Code("60234100", HealthProducts.CIS, null), null, null, null, null, null, null,
                List.of(new Code("1234", "2.16.840.1.113883.6.96", null)));
        refused(base().treatment(snomed).build(), "DMP-DOCUMENT-CONTENT", "resident.treatments[0].otherCodes[0].codeSystem");
    }

    /** CI-SISComponentOf / CI-SISAuthor: @displayName SHALL be present; without the kit's value sets the DUI must give it. */
    @Test
    void aFacilityTypeWithoutDisplayNameIsRefusedWhenNoValueSetIsConfigured() {
        refused(ResidentRecord.builder(Residents.DOMINIQUE, establishment(new Code("SA17", DmpCodes.FACILITY_SYSTEM, null),
                        Residents.EHPAD.structure().practiceSettingCode()), Residents.COORDINATOR).attendingPhysician(Residents.ATTENDING).build(),
                "DMP-DOCUMENT-CONTENT", "resident.establishment.structure.facilityTypeCode.displayName");
    }

    @Test
    void withTheKitsValueSetsAFacilityTypeAndPracticeSettingGetTheirDisplayNames_JDV_J02_J04() {
        ResidentRecord resident = ResidentRecord.builder(Residents.DOMINIQUE, establishment(new Code("SA17", DmpCodes.FACILITY_SYSTEM, null),
                new Code("ESSMS", DocumentPreChecks.PRACTICE_SETTING_SYSTEM, null)), Residents.COORDINATOR).attendingPhysician(Residents.ATTENDING).build();
        CdaHeader header = CdaHeaderReader.read(withKit.dlu(resident, null).xml());
        assertThat(header.healthcareFacilityTypeCode().displayName()).isEqualTo("Etablissement pour personnes âgées");
        assertThat(header.practiceSettingCode().displayName()).isNotBlank();
    }

    @Test
    void withTheKitsValueSetsAPracticeSettingOutsideJ04IsRefused() {
        refused(withKit, ResidentRecord.builder(Residents.DOMINIQUE, establishment(Residents.EHPAD.structure().facilityTypeCode(),
                        new Code("CUISINE", DocumentPreChecks.PRACTICE_SETTING_SYSTEM, "Cuisine")), Residents.COORDINATOR)
                .attendingPhysician(Residents.ATTENDING).build(), "resident.establishment.structure.practiceSettingCode");
    }

    /** CI-SISRelatedEntity: the relationship is a code of JDV_J11 (SPS is an HL7 RoleCode, not in J11). */
    @Test
    void withTheKitsValueSetsARelationshipOutsideJ11IsRefused() {
        refused(withKit, base().trustedPerson(new RelatedPerson("NESSI", null, "SPS", null)).build(), "resident.trustedPerson.relationship");
    }

    @Test
    void withTheKitsValueSetsAnAuthorProfessionOutsideJ01IsRefused() {
        Professional nurse = new Professional(ProfessionalIdKind.RPPS, Residents.COORDINATOR.professional().id(), "BERTRAND", "Hélène",
                new Code("INFIRMIERE", "1.2.250.1.213.1.1.4.5", "Infirmière"), null);
        refused(withKit, ResidentRecord.builder(Residents.DOMINIQUE, Residents.EHPAD, new CareProfessional(nurse, null, null))
                .attendingPhysician(Residents.ATTENDING).build(), "resident.author.professional.professionCode");
    }

    private static Establishment establishment(Code facility, Code practice) {
        Structure s = Residents.EHPAD.structure();
        return new Establishment(new Structure(s.finessGeographique(), null, s.name(), facility, practice), Residents.EHPAD.address(), null);
    }

    private void refused(CdaDocumentWriter with, ResidentRecord resident, String field) {
        assertThatThrownBy(() -> with.dlu(resident, null)).isInstanceOf(DuiConnectException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).field()).contains(field));
    }
}
