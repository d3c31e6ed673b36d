package fr.duiconnect.dmp.cda;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The header is read from a DOM of the header only; it must be the header a DOM of the whole document gives, and what
 * the whole-document parse refused (malformed XML anywhere, a DOCTYPE) is still refused before anything is journaled.
 */
class CdaHeaderDomTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit/ExemplesCDA");

    static Stream<Path> kitExamples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    private static String kitDlu() throws IOException {
        return Files.readString(EXAMPLES.resolve("DLU-EHPAD-DLU_2022.01.xml"), StandardCharsets.UTF_8);
    }

    /** The kit's DLU with its structured body replaced by a non-XML one (a PDF in base64, as a scanned document is sent). */
    private static String withNonXmlBody(String mediaType) throws IOException {
        String xml = kitDlu();
        int body = xml.indexOf("<structuredBody");
        int end = xml.indexOf("</structuredBody>") + "</structuredBody>".length();
        return xml.substring(0, body) + "<nonXMLBody><text mediaType=\"" + mediaType + "\" representation=\"B64\">"
                + "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==</text></nonXMLBody>" + xml.substring(end);
    }

    private static CdaHeader fromWholeDocument(String xml) {
        return CdaHeaderReader.read(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), "CDA document"));
    }

    @ParameterizedTest
    @MethodSource("kitExamples")
    void every_kit_example_gives_the_header_the_whole_document_gives(Path example) throws IOException {
        String xml = Files.readString(example, StandardCharsets.UTF_8);
        CdaHeader whole;
        try {
            whole = fromWholeDocument(xml);
        } catch (InvalidInputException refused) {
            // An example the DMP metadata cannot come from is refused the same way, naming the same element.
            assertThatThrownBy(() -> CdaHeaderReader.read(xml.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidInputException.class).hasMessage(refused.getMessage());
            return;
        }
        assertThat(CdaHeaderReader.read(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(whole);
    }

    @Test
    void a_non_xml_body_gives_its_media_type_and_its_base64_is_not_built() throws IOException {
        String xml = withNonXmlBody("application/pdf");
        CdaHeader header = CdaHeaderReader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(header.nonXmlMediaType()).isEqualTo("application/pdf");
        assertThat(header).isEqualTo(fromWholeDocument(xml));
        Document headerOnly = CdaHeaderDom.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(headerOnly.getElementsByTagNameNS(CdaHeaderReader.HL7, "text").item(0).getTextContent()).isEmpty();
    }

    @Test
    void the_sections_of_a_structured_body_are_not_built() throws IOException {
        Document headerOnly = CdaHeaderDom.read(kitDlu().getBytes(StandardCharsets.UTF_8));
        assertThat(headerOnly.getElementsByTagNameNS(CdaHeaderReader.HL7, "structuredBody").getLength()).isZero();
        assertThat(headerOnly.getElementsByTagNameNS(CdaHeaderReader.HL7, "section").getLength()).isZero();
        assertThat(headerOnly.getElementsByTagNameNS(CdaHeaderReader.HL7, "recordTarget").getLength()).isEqualTo(1);
    }

    @Test
    void a_document_malformed_in_its_body_is_refused() throws IOException {
        String xml = kitDlu();
        int section = xml.indexOf("</section>");
        String malformed = xml.substring(0, section) + "<unclosed>" + xml.substring(section);
        assertThatThrownBy(() -> CdaHeaderReader.read(malformed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CDA document");
    }

    @Test
    void a_doctype_is_refused_even_without_entities() throws IOException {
        String xml = kitDlu();
        int root = xml.indexOf("<ClinicalDocument");
        String withDoctype = xml.substring(0, root) + "<!DOCTYPE ClinicalDocument>" + xml.substring(root);
        assertThatThrownBy(() -> CdaHeaderReader.read(withDoctype.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void an_entity_defined_in_a_doctype_is_never_expanded() throws IOException {
        String xml = kitDlu();
        int root = xml.indexOf("<ClinicalDocument");
        String bomb = xml.substring(0, root) + "<!DOCTYPE ClinicalDocument [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + xml.substring(root).replaceFirst("<title>[^<]*</title>", "<title>&b;</title>");
        assertThatThrownBy(() -> CdaHeaderReader.read(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
    }
}
