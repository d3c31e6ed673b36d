package fr.duiconnect.core.xml;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.InvalidInputException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.TransformerConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * XML parsers for content that comes from outside (SOAP answers, METADATA.XML, CDA, FHIR XML): no DOCTYPE at all
 * (which rules out XXE and entity expansion), no external DTD or schema fetched, secure processing on.
 * Every module parses inbound XML through these factories.
 */
public final class SecureXml {

    private SecureXml() {
    }

    /**
     * The calling thread's hardened builder, one per thread: building a builder (a Xerces parser configuration) per
     * parse was about a twentieth of a DLU deposit's CPU in the connector (flight recording of
     * {@code bench dlu-deposit --client-jvm}: the deposit builds six documents and parses three). A builder is not
     * thread-safe but is reusable; a DOM parse calls no code of ours (no DOCTYPE, so no entity resolver), so the thread
     * cannot need its builder again while a parse is under way. Never handed out: callers take a document from
     * {@link #newDocument()} or {@link #parse}, and nothing configures the builder after the factory did.
     */
    private static final ThreadLocal<DocumentBuilder> HARDENED_BUILDER = ThreadLocal.withInitial(SecureXml::hardenedBuilder);

    private static DocumentBuilder hardenedBuilder() {
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /** An empty namespace-aware DOM document, for XML the connector writes. */
    public static Document newDocument() {
        return HARDENED_BUILDER.get().newDocument();
    }

    private static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /**
     * Parses untrusted XML into a DOM; malformed XML or any DOCTYPE is refused with a typed error naming what
     * was being read.
     *
     * @param what e.g. "INSi response", "METADATA.XML"
     */
    public static Document parse(byte[] xml, String what) {
        return parse(new ByteArrayInputStream(xml), what);
    }

    public static Document parse(InputStream xml, String what) {
        try {
            DocumentBuilder builder = HARDENED_BUILDER.get();
            builder.reset();   // back to the factory's hardened settings, whatever the last parse left
            builder.setErrorHandler(null);
            return builder.parse(xml);
        } catch (SAXException e) {
            throw new InvalidInputException(CoreErrorCode.INPUT_FORMAT, what,
                    "is not acceptable XML (well-formed, without DOCTYPE or entities): " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException(CoreErrorCode.INPUT_FORMAT, what, "cannot be read: " + e.getMessage());
        }
    }

    /** A StAX factory with DTDs and external entities off. */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /** The JDK's transformer (for serialising DOMs), with external access off. */
    public static TransformerFactory transformerFactory() {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            return factory;
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("the XML transformer cannot be hardened", e);
        }
    }
}
