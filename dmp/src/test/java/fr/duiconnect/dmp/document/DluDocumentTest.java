package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.dmp.cda.CdaFinding;
import fr.duiconnect.dmp.cda.CdaProfile;
import fr.duiconnect.dmp.cda.CdaValidationReport;
import fr.duiconnect.dmp.cda.CdaValidator;
import fr.duiconnect.dmp.cda.CdaValidatorTest;
import org.junit.jupiter.api.BeforeAll;
import fr.duiconnect.core.dmp.content.Treatment;
import fr.duiconnect.core.dmp.content.Vaccination;
import fr.duiconnect.core.dmp.content.AttachedDocument;
import fr.duiconnect.core.dmp.content.ChecklistItem;
import fr.duiconnect.core.model.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated DLUs pass what the ANS kit checks (CDA schema, DLU-EHPAD 2022.01 schematron, structuration minimale)
 * for residents from the fullest record to the barest, with many treatments and with accented names.
 */
class DluDocumentTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T09:15:00Z"), ZoneId.of("Europe/Paris"));
    private static CdaValidator validator;
    private final CdaDocumentWriter writer = new CdaDocumentWriter(CLOCK);

    @BeforeAll
    static void compileOnce() {
        validator = CdaValidatorTest.shared();
    }

    private CdaValidationReport validate(ResidentRecord resident) {
        GeneratedCda dlu = writer.dlu(resident, null);
        CdaValidationReport report = validator.validate(dlu.xml());
        for (CdaFinding f : report.findings()) {
            System.out.println(f.source() + " " + f.id() + " " + f.location() + " " + f.text());
        }
        return report;
    }

    @Test
    void aFullDluHasNoSchemaErrorAndNoFailedAssertion() {
        CdaValidationReport report = validate(Residents.full());
        assertThat(report.findings()).isEmpty();
        assertThat(report.rulesFired()).as("structuration minimale and the volet really ran").isGreaterThan(150);
        assertThat(report.schematrons()).containsExactly("CI-SIS_DLU-EHPAD-DLU_2022.01.sch",
                "profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch");
    }

    @Test
    void aFullDluAlsoPassesTheKitsBodyProfilesIhePccAndCiSisContentModels() {
        CdaValidationReport report = validator.validate(writer.dlu(Residents.full(), null).xml(), EnumSet.allOf(CdaProfile.class));
        report.findings().forEach(f -> System.out.println(f.source() + " " + f.location() + " " + f.text()));
        assertThat(report.findings()).isEmpty();
        assertThat(report.schematrons()).contains("profils/IHE.sch", "profils/CI-SIS_ModelesDeContenusCDA.sch", "profils/CI-SIS_Modeles_ANS.sch");
    }

    /** Known and documented: the volet accepts a checklist with no embedded document, the ANS content model does not. */
    @Test
    void aDluWithNoEmbeddedDocumentIsFlaggedOnlyByTheAnsModelForDocumentsAjoutes() {
        CdaValidationReport report = validator.validate(writer.dlu(Residents.minimal(), null).xml(), EnumSet.allOf(CdaProfile.class));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("profils/CI-SIS_Modeles_ANS.sch");
            assertThat(f.text()).contains("S_documentsAjoutes_ANS").contains("1.2.250.1.213.1.1.3.18");
        });
    }

    @Test
    void aMinimalDluWithEveryOptionalSectionAbsentIsValid() {
        assertThat(validate(Residents.minimal()).findings()).isEmpty();
    }

    @Test
    void aDluWithFortyTreatmentsIsValid() {
        assertThat(validate(Residents.manyTreatments(40)).findings()).isEmpty();
    }

    @Test
    void aDluWithAccentedNamesAndWordsIsValid() {
        assertThat(validate(Residents.accented()).findings()).isEmpty();
    }

    /**
     * E_produitDeSante_fr [1]: CIS in {@code code}, ATC, CIP and UCD as translations; without a CIS the code has no code
     * system. The profile failed 26 times on a resident with ATC- and CIP-coded treatments before.
     */
    @Test
    void productsCodedInCisAtcCipOrUcdPassTheCiSisContentModels() {
        ResidentRecord resident = ResidentRecord.builder(Residents.DOMINIQUE, Residents.EHPAD, Residents.COORDINATOR).attendingPhysician(Residents.ATTENDING)
                .treatment(new Treatment("FUROSEMIDE 40 mg", new Code("60234100", HealthProducts.CIS, null), null, null, null, null, null, null,
                        List.of(new Code("C03CA01", HealthProducts.ATC, "furosémide"), new Code("3400930000001", HealthProducts.CIP, null))))
                .treatment(new Treatment("DOLIPRANE 500 mg", new Code("N02BE01", HealthProducts.ATC, null), null, null, null, null, null, null))
                .treatment(new Treatment("KARDEGIC 75 mg", new Code("3400935955838", HealthProducts.CIP, null), null, null, null, null, null, null,
                        List.of(new Code("9164187", HealthProducts.UCD, null))))
                .vaccination(new Vaccination("Vaccin grippal", new Code("J07BB02", HealthProducts.ATC, "vaccin grippal inactivé"), null, null))
                .attachedDocument(AttachedDocument.pdf(ChecklistItem.CARTE_VITALE, Residents.pdf("Attestation")))
                .build();
        byte[] xml = writer.dlu(resident, null).xml();
        CdaValidationReport report = validator.validate(xml, EnumSet.allOf(CdaProfile.class));
        report.findings().forEach(f -> System.out.println(f.source() + " " + f.location() + " " + f.text()));
        assertThat(report.findings()).isEmpty();
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<translation code=\"C03CA01\" displayName=\"furosémide\" codeSystem=\"2.16.840.1.113883.6.73\" codeSystemName=\"ATC\"/>")
                .contains("<code nullFlavor=\"OTH\">");
    }

    /** CI-SISRelatedDocument: the replaced version is named by its id and versionNumber only (no setId in parentDocument). */
    @Test
    void aReplacementDluIsValid() {
        GeneratedCda first = writer.dlu(Residents.minimal(), null);
        assertThat(validator.validate(writer.dlu(Residents.minimal(), first.asPrevious()).xml()).findings()).isEmpty();
    }
}
