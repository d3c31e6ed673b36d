package fr.duiconnect.ins.insi;

import fr.duiconnect.core.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bodies the client writes validate against the schemas written in this project (src/main/resources/wsdl). */
class InsiSchemasTest {

    private static Schema schema(String name) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(InsiSchemasTest.class.getResource("/wsdl/xsd/" + name));
    }

    @Test
    void recsansvitaleBodyValidates() throws Exception {
        String xml = InsiRequestWriter.write(new RecSansVitale("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", "M", "2001-06-17", "63220"),
                new InsiCallContext("CNDA-1", "DUI", "1.0", UUID.randomUUID(), "750000010"), UUID.randomUUID(), Instant.now());
        Document doc = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), "request");
        Element body = (Element) doc.getElementsByTagNameNS(InsiNamespaces.RECSANS, "RECSANSVITALE").item(0);
        schema("INSi_RECSANS_INS.xsd").newValidator().validate(new DOMSource(body));
        assertThat(xml).contains("R=\"4\"", "uuid:");
    }

    @Test
    void resultatSchemaRefusesAKeyOfThreeDigits() {
        String bad = "<RESULTAT xmlns='http://www.cnamts.fr/INSiResultat'><CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR>"
                + "<INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>1090763220834</NumIdentifiant><Cle>899</Cle></IdIndividu><OID>x</OID></INSACTIF>"
                + "<TIQ/></INDIVIDU></RESULTAT>";
        assertThatThrownBy(() -> schema("INSi_RESULTAT_INS.xsd").newValidator()
                .validate(new DOMSource(SecureXml.parse(bad.getBytes(StandardCharsets.UTF_8), "r"))))
                .hasMessageContaining("899");
    }
}
