package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.dmp.cda.CdaFinding;
import fr.duiconnect.dmp.cda.CdaProfile;
import fr.duiconnect.dmp.cda.CdaValidationReport;
import fr.duiconnect.dmp.cda.CdaValidator;
import fr.duiconnect.dmp.cda.CdaValidatorTest;
import org.junit.jupiter.api.BeforeAll;
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
}
