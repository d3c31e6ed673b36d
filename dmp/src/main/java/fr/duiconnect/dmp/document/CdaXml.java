package fr.duiconnect.dmp.document;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small indenting writer of HL7 v3 (CDA) XML over the JDK's StAX writer, which escapes text and attributes. Elements
 * that hold text are closed on the same line, so narrative blocks keep their words as written. Not thread-safe: one
 * per document.
 */
final class CdaXml {

    static final String HL7 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    private final XMLStreamWriter xml;
    /** For each open element: whether it received text (then its end tag is not indented). */
    private final Deque<Boolean> open = new ArrayDeque<>();

    CdaXml() {
        try {
            xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's StAX writer cannot be created", e);
        }
    }

    /** Opens the root element with the HL7 and XSI namespaces. */
    CdaXml root(String name) {
        return call(() -> {
            newLine();
            xml.writeStartElement("", name, HL7);
            xml.writeDefaultNamespace(HL7);
            xml.writeNamespace("xsi", XSI);
            open.push(false);
        });
    }

    CdaXml start(String name) {
        return call(() -> {
            markText(false);
            newLine();
            xml.writeStartElement(HL7, name);
            open.push(false);
        });
    }

    /** An element without content: {@code <name a="v" .../>}, attributes given as name, value pairs (null values skipped). */
    CdaXml empty(String name, String... attributes) {
        return call(() -> {
            markText(false);
            newLine();
            xml.writeEmptyElement(HL7, name);
            writeAttributes(attributes);
        });
    }

    /** Opens an element with attributes. */
    CdaXml start(String name, String... attributes) {
        start(name);
        return call(() -> writeAttributes(attributes));
    }

    CdaXml attribute(String name, String value) {
        return call(() -> xml.writeAttribute(name, value));
    }

    CdaXml xsiType(String type) {
        return call(() -> xml.writeAttribute("xsi", XSI, "type", type));
    }

    CdaXml text(String value) {
        return call(() -> {
            markText(true);
            xml.writeCharacters(value);
        });
    }

    /** {@code <name>text</name>} */
    CdaXml element(String name, String value) {
        start(name);
        text(value);
        return end();
    }

    CdaXml end() {
        return call(() -> {
            boolean hadText = open.pop();
            if (!hadText) {
                newLine();
            }
            xml.writeEndElement();
        });
    }

    byte[] finish() {
        call(() -> {
            while (!open.isEmpty()) {
                end();
            }
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        });
        return out.toByteArray();
    }

    private void writeAttributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                if ("xsi:type".equals(attributes[i])) {
                    xml.writeAttribute("xsi", XSI, "type", attributes[i + 1]);
                } else {
                    xml.writeAttribute(attributes[i], attributes[i + 1]);
                }
            }
        }
    }

    private void markText(boolean text) {
        if (text && !open.isEmpty() && !open.peek()) {
            open.pop();
            open.push(true);
        }
    }

    private void newLine() throws XMLStreamException {
        if (!open.isEmpty() && open.peek()) {
            return;     // inside mixed content: no whitespace of ours
        }
        xml.writeCharacters("\n" + "\t".repeat(open.size()));
    }

    private interface XmlStep {
        void run() throws XMLStreamException;
    }

    private CdaXml call(XmlStep step) {
        try {
            step.run();
            return this;
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("the CDA document cannot be written: " + e.getMessage(), e));
        }
    }
}
