package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.ServiceSocle;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/** The run as JUnit XML (one testsuite per service), for CI tools. */
public final class JunitXmlReport {

    private JunitXmlReport() {
    }

    public static String render(ConformanceReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "DUI Connect conformance");
            ConformanceReport.Summary total = report.total();
            xml.writeAttribute("tests", String.valueOf(total.total()));
            xml.writeAttribute("failures", String.valueOf(total.failed()));
            xml.writeAttribute("skipped", String.valueOf(total.skipped()));
            for (Map.Entry<ServiceSocle, ConformanceReport.Summary> entry : report.summaryPerService().entrySet()) {
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", entry.getKey().key());
                xml.writeAttribute("tests", String.valueOf(entry.getValue().total()));
                xml.writeAttribute("failures", String.valueOf(entry.getValue().failed()));
                xml.writeAttribute("skipped", String.valueOf(entry.getValue().skipped()));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("timestamp", report.startedAt().toString());
                for (ScenarioResult result : report.results()) {
                    if (result.scenario().service() != entry.getKey()) {
                        continue;
                    }
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", "conformance." + entry.getKey().key());
                    xml.writeAttribute("name", result.scenario().id() + " " + result.scenario().title());
                    xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", result.elapsed().toNanos() / 1e9));
                    switch (result.verdict()) {
                        case FAIL -> {
                            xml.writeStartElement("failure");
                            xml.writeAttribute("message", xmlText(result.outcome().message()));
                            xml.writeCharacters(result.scenario().rule() + " (" + result.scenario().reference() + ")");
                            xml.writeEndElement();
                        }
                        case SKIPPED -> {
                            xml.writeStartElement("skipped");
                            xml.writeAttribute("message", xmlText(result.outcome().message()));
                            xml.writeEndElement();
                        }
                        case PASS -> { }
                    }
                    StringBuilder evidence = new StringBuilder();
                    result.outcome().evidence().forEach(e -> evidence.append("== ").append(e.label()).append('\n').append(e.content()).append('\n'));
                    if (!evidence.isEmpty()) {
                        xml.writeStartElement("system-out");
                        writeCData(xml, xmlText(evidence.toString()));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JUnit XML report cannot be written", e);
        }
        return out.toString();
    }

    /**
     * A CDATA section cannot hold "]]>", and the StAX writer refuses it (with the whole report) rather than escape it:
     * the text is cut after each "]]", the rest starting a new section.
     */
    private static void writeCData(XMLStreamWriter xml, String text) throws XMLStreamException {
        int from = 0;
        for (int at = text.indexOf("]]>"); at >= 0; at = text.indexOf("]]>", from)) {
            xml.writeCData(text.substring(from, at + 2));
            from = at + 2;
        }
        xml.writeCData(text.substring(from));
    }

    /**
     * Remote text as XML 1.0 can carry it: characters XML forbids (NUL and other controls a hostile peer may send)
     * become U+FFFD, so that one fault's text cannot stop the whole report from being written or read.
     */
    static String xmlText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF) ? c : 0xFFFD));
        return out.toString();
    }
}
