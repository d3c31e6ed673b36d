package fr.duiconnect.dmp.xds;

import fr.duiconnect.core.dmp.Visibility;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.dmp.cda.CdaHeaderReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** XDS metadata derived from the CDA header (CI-SIS mapping XDS; shared/specs/dmp.md §1.5), one rule per test. */
class DmpMetadataFactoryTest {

    static final DmpMetadataFactory FACTORY = new DmpMetadataFactory("2.25.42", new Code("03", "1.2.250.1.213.2.2", "Hospitalisation complète"));

    static String kitDlu() throws Exception {
        Path kit = Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit/ExemplesCDA/DLU-EHPAD-DLU_2022.01.xml");
        return Files.readString(kit, StandardCharsets.UTF_8);
    }

    static DocumentMetadata entry(UnaryOperator<String> change) throws Exception {
        byte[] cda = change.apply(kitDlu()).getBytes(StandardCharsets.UTF_8);
        return FACTORY.documentEntry(CdaHeaderReader.read(cda), cda, Set.of());
    }

    static String code(UnaryOperator<String> change) {
        try {
            entry(change);
            return "accepted";
        } catch (DuiConnectException e) {
            return e.code();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theKitDluGivesTheDluMetadata() throws Exception {
        DocumentMetadata m = entry(UnaryOperator.identity());
        assertThat(m.uniqueId()).isEqualTo("1.2.250.1.213.1.1.1.22.2022.1.1");
        assertThat(m.typeCode().code()).isEqualTo("74207-2");
        assertThat(m.classCode().code()).isEqualTo("11");
        assertThat(m.formatCode().code()).isEqualTo("urn:asip:ci-sis:dlu:2015");
        assertThat(m.healthcareFacilityTypeCode().code()).isEqualTo("SA17");
        assertThat(m.patientId().matricule()).isEqualTo("279035121518989");
        assertThat(m.author().institution().finessGeographique().value()).isEqualTo("750803447");
        assertThat(m.author().person().nationalId()).isEqualTo("801234567897");
        assertThat(m.hash()).hasSize(40);
    }

    /** IHE DSG: the signature document's eventCodeList is the signature's purpose, 1.2.840.10065.1.12.1.14 (Source). */
    @Test
    void theSignatureDocumentCarriesTheDsgPurposeAsEventCodeAndReadsBack() throws Exception {
        DocumentMetadata document = entry(UnaryOperator.identity());
        DocumentMetadata signature = FACTORY.signatureEntry(document, "2.25.7", "<Signature/>".getBytes(StandardCharsets.UTF_8), java.time.Instant.now());
        assertThat(signature.eventCodes()).containsExactly(DmpCodes.SIGNATURE_PURPOSE);
        byte[] written = fr.duiconnect.core.xds.XdsMetadataWriter.writeBytes(new fr.duiconnect.core.xds.XdsSubmission(
                FACTORY.submissionSet(document, "2.25.8", java.time.Instant.now()), java.util.List.of(fr.duiconnect.core.xds.XdsDocument.of(signature))));
        DocumentMetadata back = fr.duiconnect.core.xds.XdsMetadataReader.read(written).documents().get(0).metadata();
        assertThat(back.eventCodes()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("1.2.840.10065.1.12.1.14");
            assertThat(c.codeSystem()).isEqualTo("1.2.840.10065.1.12");
            assertThat(c.displayName()).isEqualTo("Source");
        });
    }

    @Test
    void visibilityRestrictionsAreAddedAsConfidentialityCodesJ58() throws Exception {
        byte[] cda = kitDlu().getBytes(StandardCharsets.UTF_8);
        DocumentMetadata m = FACTORY.documentEntry(CdaHeaderReader.read(cda), cda, Set.of(Visibility.INVISIBLE_PATIENT));
        assertThat(m.confidentialityCodes()).extracting(Code::code).containsExactly("N", "INVISIBLE_PATIENT");
        assertThat(m.confidentialityCodes().get(1).codeSystem()).isEqualTo("1.2.250.1.213.1.1.4.13");
    }

    @Test
    void aTypeCodeOutsideJ66IsRefused() {
        assertThat(code(x -> x.replace("code=\"74207-2\"", "code=\"11488-4\""))).isEqualTo("DMP-TYPE-CODE");
    }

    @Test
    void aVoletWithoutFormatCodeIsRefusedAss_A11() {
        assertThat(code(x -> x.replace("root=\"1.2.250.1.213.1.1.1.22\" extension=\"2022.01\"", "root=\"1.2.250.1.213.1.1.1.99\""))).isEqualTo("DMP-FORMAT-CODE");
    }

    @Test
    void aFacilityCodeOutsideTreR02IsRefused() {
        assertThat(code(x -> x.replace("code=\"SA17\"", "code=\"EHPAD\""))).isEqualTo("DMP-FACILITY-CODE");
    }

    @Test
    void aUniqueIdThatIsNotAnOidIsRefusedEx21_1130() {
        assertThat(code(x -> x.replace("<id root=\"1.2.250.1.213.1.1.1.22.2022.1.1\"/>", "<id root=\"1.2.250.1.213.1.1.1.22\" extension=\"DLU-1\"/>")))
                .isEqualTo("DMP-UNIQUE-ID");
    }

    @Test
    void aCdaWithoutSetIdIsRefused() {
        assertThat(code(x -> x.replace("<setId root=\"1.2.250.1.213.1.1.1.22.2022.1\"/>", ""))).isEqualTo("DMP-CDA-HEADER");
    }

    @Test
    void aPatientWithoutInsIsRefused() {
        assertThat(code(x -> x.replace("root=\"1.2.250.1.213.1.4.10\"", "root=\"1.2.3.4\""))).isEqualTo("DMP-CDA-HEADER");
    }

    @Test
    void anAuthorWithoutFinessIsRefused() {
        assertThat(code(x -> x.replaceFirst("<id root=\"1.2.250.1.71.4.2.2\" extension=\"1750803447\"/>", "<id root=\"1.2.3\" extension=\"X\"/>")))
                .isEqualTo("DMP-CDA-HEADER");
    }
}
