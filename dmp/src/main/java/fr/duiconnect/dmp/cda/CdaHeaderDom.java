package fr.duiconnect.dmp.cda;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;

/**
 * A CDA read into a DOM of its header only: the body's sections and entries (most of a DLU's nodes) and the base64 of a
 * non-XML body are read through — the whole document must still be well-formed, and a DOCTYPE is still refused — but
 * not built; {@code component/nonXMLBody/text} keeps its attributes (the media type). Building the body's DOM was most
 * of what reading a header cost at acceptance. Thread-safe.
 */
final class CdaHeaderDom {

    /** Thread-safe once configured: it only makes readers. */
    private static final XMLInputFactory FACTORY = SecureXml.inputFactory();
    private static final String WHAT = "CDA document";

    private CdaHeaderDom() {
    }

    static Document read(byte[] cda) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(cda));
            return build(reader);
        } catch (XMLStreamException e) {
            throw new InvalidInputException(CoreErrorCode.INPUT_FORMAT, WHAT,
                    "is not acceptable XML (well-formed, without DOCTYPE or entities): " + e.getMessage());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held but the byte array
                }
            }
        }
    }

    private static Document build(XMLStreamReader reader) throws XMLStreamException {
        Document document = SecureXml.newDocument();
        Node current = document;
        int depth = 0;
        // Depth at which the current unbuilt subtree started (0: building); and whether the current element keeps
        // its attributes but not its content (nonXMLBody/text).
        int skippingFrom = 0;
        int emptyFrom = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "a DOCTYPE or an entity reference");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (skippingFrom > 0 || emptyFrom > 0) {
                        continue;
                    }
                    String name = reader.getLocalName();
                    if (depth == 3 && "component".equals(current.getLocalName()) && !"nonXMLBody".equals(name)) {
                        skippingFrom = depth;   // structuredBody: sections and entries
                        continue;
                    }
                    Element element = element(document, reader);
                    current.appendChild(element);
                    current = element;
                    if (depth == 4 && "text".equals(name) && "nonXMLBody".equals(element.getParentNode().getLocalName())) {
                        emptyFrom = depth;   // the document's base64
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (skippingFrom == depth) {
                        skippingFrom = 0;
                    } else if (skippingFrom == 0) {
                        if (emptyFrom == depth) {
                            emptyFrom = 0;
                        }
                        if (emptyFrom == 0) {
                            current = current.getParentNode();
                        }
                    }
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (skippingFrom == 0 && emptyFrom == 0 && depth > 0) {
                        current.appendChild(document.createTextNode(reader.getText()));
                    }
                }
                default -> {
                    // comments, processing instructions, the end of the document: nothing the header needs
                }
            }
        }
        if (document.getDocumentElement() == null) {
            throw new XMLStreamException("no root element");
        }
        return document;
    }

    private static Element element(Document document, XMLStreamReader reader) {
        String namespace = reader.getNamespaceURI();
        String prefix = reader.getPrefix();
        String local = reader.getLocalName();
        Element element = document.createElementNS(namespace == null || namespace.isEmpty() ? null : namespace,
                prefix == null || prefix.isEmpty() ? local : prefix + ":" + local);
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributeNamespace = reader.getAttributeNamespace(i);
            String attributePrefix = reader.getAttributePrefix(i);
            String attributeLocal = reader.getAttributeLocalName(i);
            if (attributeNamespace == null || attributeNamespace.isEmpty()) {
                element.setAttribute(attributeLocal, reader.getAttributeValue(i));
            } else {
                element.setAttributeNS(attributeNamespace, attributePrefix == null || attributePrefix.isEmpty()
                        ? attributeLocal : attributePrefix + ":" + attributeLocal, reader.getAttributeValue(i));
            }
        }
        return element;
    }
}
