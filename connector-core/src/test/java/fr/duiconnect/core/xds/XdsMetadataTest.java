package fr.duiconnect.core.xds;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.core.model.Structure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one XDS metadata writer and reader: what is written reads back the same, in the French DMP formats. */
class XdsMetadataTest {

    static final Ins INS = Ins.parse("279035121518989", InsKind.NIR_TEST);
    static final Structure EHPAD = new Structure(Finess.of("750000010"), null, "EHPAD Les Tilleuls",
            new Code("SA17", "1.2.250.1.71.4.2.4", "Etablissement pour personnes âgées"),
            new Code("ESSMS", "1.2.250.1.213.1.1.4.9", "Etablissement ou Service Social ou Médico-Social"));
    static final Professional DOCTOR = new Professional(ProfessionalIdKind.RPPS, "10000001015", "MARTIN", "ANNE", null, null);
    static final DocumentAuthor AUTHOR = new DocumentAuthor(DOCTOR, EHPAD, null, new Code("G15_10", "1.2.250.1.213.1.1.4.5", "Médecin"));
    static final Code DLU = new Code("74207-2", "2.16.840.1.113883.6.1", "Dossier de liaison d'urgence");

    static DocumentMetadata dlu() {
        return DocumentMetadata.builder()
                .uniqueId("2.25.123456789").title("DLU de l'EHPAD").classCode(ClassCodes.requireForType(DLU)).typeCode(DLU)
                .formatCode(new Code("urn:asip:ci-sis:dlu:2015", "1.2.250.1.213.1.1.4.2.282", "DLU"))
                .healthcareFacilityTypeCode(EHPAD.facilityTypeCode()).practiceSettingCode(EHPAD.practiceSettingCode())
                .confidentialityCodes(List.of(new Code("N", "2.16.840.1.113883.5.25", "Normal"),
                        new Code("MASQUE_PS", "1.2.250.1.213.1.1.4.13", "Masqué aux professionnels de santé")))
                .creationTime(Instant.parse("2026-11-22T10:15:00Z")).serviceStartTime(Instant.parse("2026-11-01T00:00:00Z"))
                .patientId(INS).author(AUTHOR).legalAuthenticator(DOCTOR)
                .hash("0123456789abcdef0123456789abcdef01234567").size(4242).build();
    }

    static XdsSubmission submission(XdsDocument document) {
        return new XdsSubmission(new SubmissionSetMetadata("2.25.987654321", "1.2.250.1.999.1", Instant.parse("2026-11-22T10:16:00Z"),
                "Lot DLU", new Code("04", "1.2.250.1.213.2.2", "Hospitalisation de jour"), AUTHOR, INS), List.of(document));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        XdsDocument document = XdsDocument.of(dlu()).withUri("DOC0001.XML");
        XdsSubmission read = XdsMetadataReader.read(XdsMetadataWriter.writeBytes(submission(document)));

        XdsDocument back = read.documents().get(0);
        assertThat(back.entryUuid()).isEqualTo(document.entryUuid());
        assertThat(back.uri()).isEqualTo("DOC0001.XML");
        DocumentMetadata m = back.metadata();
        assertThat(m.uniqueId()).isEqualTo("2.25.123456789");
        assertThat(m.patientId()).isEqualTo(INS);
        assertThat(m.typeCode()).isEqualTo(DLU);
        assertThat(m.classCode().code()).isEqualTo("11");
        assertThat(m.confidentialityCodes()).extracting(Code::code).containsExactly("N", "MASQUE_PS");
        assertThat(m.creationTime()).isEqualTo(Instant.parse("2026-11-22T10:15:00Z"));
        assertThat(m.hash()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(m.size()).isEqualTo(4242);
        assertThat(m.author().person().nationalId()).isEqualTo("810000001015");
        assertThat(m.author().institution().finessGeographique()).isEqualTo(Finess.of("750000010"));
        assertThat(read.submissionSet().sourceId()).isEqualTo("1.2.250.1.999.1");
        assertThat(read.submissionSet().contentTypeCode().code()).isEqualTo("04");
    }

    @Test
    void identifiersUseTheFrenchFormats() {
        String xml = new String(XdsMetadataWriter.writeBytes(submission(XdsDocument.of(dlu()))), StandardCharsets.UTF_8);
        assertThat(xml).contains("279035121518989^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH")
                .contains("810000001015^MARTIN^ANNE^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS")
                .contains("EHPAD Les Tilleuls^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^1750000010")
                .contains("<rim:Value>20261122101500</rim:Value>");
    }

    @Test
    void hl7SeparatorsInNamesAreEscapedAndReadBack_XON_XCN() {
        Structure ampersand = new Structure(Finess.of("750000010"), null, "Résidence A & B ^|~\\ 1", EHPAD.facilityTypeCode(),
                EHPAD.practiceSettingCode());
        Professional hyphenated = new Professional(ProfessionalIdKind.RPPS, "10000001015", "DUPONT^&MARTIN", "ANNE|MARIE~JO", null, null);
        DocumentAuthor author = new DocumentAuthor(hyphenated, ampersand, null, AUTHOR.specialty());
        DocumentMetadata m = dlu().toBuilder().author(author).legalAuthenticator(hyphenated).build();
        byte[] written = XdsMetadataWriter.writeBytes(submission(XdsDocument.of(m)));

        assertThat(new String(written, StandardCharsets.UTF_8))
                .contains("Résidence A \\T\\ B \\S\\\\F\\\\R\\\\E\\ 1^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^1750000010")
                .contains("810000001015^DUPONT\\S\\\\T\\MARTIN^ANNE\\F\\MARIE\\R\\JO^^^^^^&amp;");
        DocumentMetadata back = XdsMetadataReader.read(written).documents().get(0).metadata();
        assertThat(back.author().institution().name()).isEqualTo("Résidence A & B ^|~\\ 1");
        assertThat(back.author().person().familyName()).isEqualTo("DUPONT^&MARTIN");
        assertThat(back.legalAuthenticator().givenName()).isEqualTo("ANNE|MARIE~JO");
    }

    @Test
    void anUnknownEscapeSequenceIsKeptAsWritten() {
        assertThat(Hl7Formats.unescape("A\\X0D\\B \\H\\")).isEqualTo("A\\X0D\\B \\H\\");
        assertThat(Hl7Formats.unescape(Hl7Formats.escape("\\E\\"))).isEqualTo("\\E\\");
    }

    @Test
    void aReplacementCarriesAnRplcAssociationToThePreviousEntry() {
        String previous = "urn:uuid:11111111-2222-3333-4444-555555555555";
        XdsDocument document = XdsDocument.of(dlu()).replacing(previous);
        String xml = new String(XdsMetadataWriter.writeBytes(submission(document)), StandardCharsets.UTF_8);
        assertThat(xml).contains("urn:ihe:iti:2007:AssociationType:RPLC").contains(previous);
        assertThat(XdsMetadataReader.read(xml.getBytes(StandardCharsets.UTF_8)).documents().get(0).replaces()).isEqualTo(previous);
    }

    @Test
    void theClassCodeIsDerivedFromTheTypeCode_ASS_X16() {
        assertThat(ClassCodes.requireForType(new Code("83981-1", "2.16.840.1.113883.6.1", "")).code()).isEqualTo("10");
        assertThat(ClassCodes.requireForType(new Code("88348-8", "2.16.840.1.113883.6.1", "")).code()).isEqualTo("11");
        assertThatThrownBy(() -> ClassCodes.requireForType(new Code("78341-5", "2.16.840.1.113883.6.1", "")))
                .hasMessageContaining("documentEntry.typeCode");
    }

    @Test
    void metadataWithoutPatientIdIsRefusedNamingTheField() {
        String xml = new String(XdsMetadataWriter.writeBytes(submission(XdsDocument.of(dlu()))), StandardCharsets.UTF_8)
                .replaceFirst("identificationScheme=\"urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427\"", "identificationScheme=\"urn:uuid:0\"");
        assertThatThrownBy(() -> XdsMetadataReader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("documentEntry.patientId");
    }

    @Test
    void metadataWithAnUnknownInsAuthorityIsRefused() {
        String xml = new String(XdsMetadataWriter.writeBytes(submission(XdsDocument.of(dlu()))), StandardCharsets.UTF_8)
                .replace("&amp;1.2.250.1.213.1.4.10&amp;ISO^NH", "&amp;1.2.3.4&amp;ISO^NH");
        assertThatThrownBy(() -> XdsMetadataReader.read(xml.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("ins.oid");
    }

    @Test
    void metadataWithADoctypeIsRefused_xxe() {
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertThatThrownBy(() -> XdsMetadataReader.read(xml.getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidInputException.class);
    }
}
