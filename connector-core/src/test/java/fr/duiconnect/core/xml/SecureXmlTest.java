package fr.duiconnect.core.xml;

import fr.duiconnect.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inbound XML is parsed without DOCTYPEs: no XXE, no entity expansion, no external fetch. */
class SecureXmlTest {

    private static byte[] xml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wellFormedXmlWithNamespacesIsParsed() {
        Document document = SecureXml.parse(xml("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>"), "SOAP answer");
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("Envelope");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2003/05/soap-envelope");
    }

    @Test
    void anExternalEntityIsRefused_xxe() {
        assertThatThrownBy(() -> SecureXml.parse(xml("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"), "INSi response"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("INSi response")
                .hasMessageNotContaining("root:");
    }

    @Test
    void entityExpansionIsRefused_billionLaughs() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><lolz>&lol3;</lolz>";
        assertThatThrownBy(() -> SecureXml.parse(xml(bomb), "METADATA.XML")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anExternalDtdIsNotFetched() {
        assertThatThrownBy(() -> SecureXml.parse(xml("<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\"><r/>"), "CDA"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void malformedXmlIsATypedError() {
        assertThatThrownBy(() -> SecureXml.parse(xml("<r><unclosed></r>"), "SOAP answer"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CORE-INPUT-FORMAT");
    }

    /** The thread's builder is reused: a parse that failed halfway leaves it as hardened as it was, and able to parse again. */
    @Test
    void afterAFailedParseTheSameThreadStillRefusesADoctypeAndStillParses() {
        assertThatThrownBy(() -> SecureXml.parse(xml("<r><unclosed></r>"), "first")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SecureXml.parse(xml("<!DOCTYPE r [<!ENTITY x \"expanded\">]><r>&x;</r>"), "second"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(SecureXml.parse(xml("<r a=\"1\"/>"), "third").getDocumentElement().getAttribute("a")).isEqualTo("1");
        assertThat(SecureXml.newDocument().getDocumentElement()).as("a new document is empty, not the last parsed one").isNull();
    }

    @Test
    void streamingParsersSupportNoDtd() {
        assertThat(SecureXml.inputFactory().getProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
    }
}
