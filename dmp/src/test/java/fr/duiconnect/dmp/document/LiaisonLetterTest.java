package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.LiaisonLetter.LiaisonLetterKind;
import fr.duiconnect.core.dmp.content.PostalAddress;
import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.dmp.cda.CdaHeader;
import fr.duiconnect.dmp.cda.CdaHeaderReader;
import fr.duiconnect.dmp.cda.CdaValidationReport;
import fr.duiconnect.dmp.cda.CdaValidator;
import fr.duiconnect.dmp.cda.CdaValidatorTest;
import fr.duiconnect.dmp.xds.DmpMetadataFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liaison letters of an establishment for disabled persons: CDA R2 level 1 (structuration minimale, the DUI's PDF as
 * body), typeCode 88348-8 / 83981-1, facility SA16, practice setting ESSMS, formatCode urn:ihe:iti:xds-sd:pdf:2008.
 */
class LiaisonLetterTest {

    static final Establishment MAS = new Establishment(new Structure(Finess.of("690000018"), null, "MAISON D'ACCUEIL SPÉCIALISÉE LES CÈDRES",
            new Code("SA16", "1.2.250.1.71.4.2.4", "Etablissement pour personnes handicapées"),
            new Code("ESSMS", "1.2.250.1.213.1.1.4.9", "Etablissement ou service social ou médico-social")),
            new PostalAddress("5 chemin des Cèdres", "69005", "LYON"), "0478000000");

    private static CdaValidator validator;
    private final CdaDocumentWriter writer = new CdaDocumentWriter(DluDocumentTest.CLOCK);

    @BeforeAll
    static void compileOnce() {
        validator = CdaValidatorTest.shared();
    }

    static LiaisonLetter letter(LiaisonLetterKind kind) {
        return new LiaisonLetter(kind, Residents.DOMINIQUE, null, MAS, Residents.COORDINATOR, Residents.ATTENDING, null,
                LocalDate.of(2026, 1, 5), kind == LiaisonLetterKind.SORTIE ? LocalDate.of(2026, 11, 28) : null, Residents.pdf("Lettre"));
    }

    @Test
    void anEntryLetterPassesTheSchemaAndStructurationMinimale() {
        CdaValidationReport report = validator.validate(writer.liaisonLetter(letter(LiaisonLetterKind.ENTREE), null).xml());
        assertThat(report.findings()).isEmpty();
        assertThat(report.schematrons()).containsExactly("profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch");
        assertThat(report.rulesFired()).isGreaterThan(100);
    }

    @Test
    void anExitLetterPassesTheSchemaAndStructurationMinimale() {
        assertThat(validator.validate(writer.liaisonLetter(letter(LiaisonLetterKind.SORTIE), null).xml()).findings()).isEmpty();
    }

    @Test
    void theLetterCarriesThePdfAsItsLevelOneBody() {
        GeneratedCda cda = writer.liaisonLetter(letter(LiaisonLetterKind.ENTREE), null);
        String xml = cda.asString();
        String body = xml.substring(xml.indexOf("representation=\"B64\">") + 21, xml.indexOf("</text>", xml.indexOf("nonXMLBody")));
        assertThat(Base64.getMimeDecoder().decode(body)).isEqualTo(Residents.pdf("Lettre"));
    }

    @Test
    void anExitLetterIsDepositedWithTypeCode83981_1ClassCode10AndThePdfFormat() {
        GeneratedCda cda = writer.liaisonLetter(letter(LiaisonLetterKind.SORTIE), null);
        CdaHeader header = CdaHeaderReader.read(cda.xml());
        DocumentMetadata entry = new DmpMetadataFactory("1.2.250.1.999", null).documentEntry(header, cda.xml(), Set.of());
        assertThat(entry.typeCode().code()).isEqualTo("83981-1");
        assertThat(entry.classCode().code()).isEqualTo("10");
        assertThat(entry.formatCode().code()).isEqualTo("urn:ihe:iti:xds-sd:pdf:2008");
        assertThat(entry.healthcareFacilityTypeCode().code()).isEqualTo("SA16");
        assertThat(entry.practiceSettingCode().code()).isEqualTo("ESSMS");
        assertThat(entry.uniqueId()).isEqualTo(cda.uniqueId());
    }

    @Test
    void anEntryLetterIsDepositedWithTypeCode88348_8AndClassCode11() {
        GeneratedCda cda = writer.liaisonLetter(letter(LiaisonLetterKind.ENTREE), null);
        DocumentMetadata entry = new DmpMetadataFactory("1.2.250.1.999", null).documentEntry(CdaHeaderReader.read(cda.xml()), cda.xml(), Set.of());
        assertThat(entry.typeCode().code()).isEqualTo("88348-8");
        assertThat(entry.classCode().code()).isEqualTo("11");
    }
}
