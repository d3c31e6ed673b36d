package fr.duiconnect.ins.insi;

import fr.duiconnect.core.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;

import static fr.duiconnect.ins.insi.InsiNamespaces.*;

/**
 * Writes the SOAP 1.2 envelope of a RECSANSVITALE call as DOM (so every value is escaped), with the headers the
 * service expects: ContexteBAM 01_02, ContexteLPS 01_00 (IDAM R="4", version, instance, name), wsa:Action and
 * wsa:MessageID. The mTLS mode carries no wsse:Security assertion (SEL-MP-043 §3.2 as quoted).
 */
public final class InsiRequestWriter {

    private InsiRequestWriter() { }

    public static String write(RecSansVitale body, InsiCallContext context, UUID messageId, Instant time) {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element envelope = doc.createElementNS(SOAP12, "soap:Envelope");
        doc.appendChild(envelope);
        Element header = child(envelope, SOAP12, "soap:Header", null);

        Element bam = child(header, CTXBAM, "ctxbam:ContexteBAM", null);
        bam.setAttribute("Version", "01_02");
        bam.setAttribute("Nature", "CTXBAM");
        child(bam, CTXBAM, "ctxbam:Id", UUID.randomUUID().toString());
        child(bam, CTXBAM, "ctxbam:Temps", time.toString());
        child(bam, CTXBAM, "ctxbam:Emetteur", context.emitter());
        child(bam, CTXBAM, "ctxbam:COUVERTURE", null);

        Element lps = child(header, CTXLPS, "ctxlps:ContexteLPS", null);
        lps.setAttribute("Nature", "CTXLPS");
        lps.setAttribute("Version", "01_00");
        child(lps, CTXLPS, "ctxlps:Id", UUID.randomUUID().toString());
        child(lps, CTXLPS, "ctxlps:Temps", time.toString());
        child(lps, CTXLPS, "ctxlps:Emetteur", context.emitter());
        Element software = child(lps, CTXLPS, "ctxlps:LPS", null);
        Element idam = child(software, CTXLPS, "ctxlps:IDAM", context.authorisation());
        idam.setAttribute("R", "4");
        child(software, CTXLPS, "ctxlps:Version", context.softwareVersion());
        child(software, CTXLPS, "ctxlps:Instance", context.instance().toString());
        child(software, CTXLPS, "ctxlps:Nom", "urn:lps:" + context.softwareName() + ":" + context.softwareVersion());

        child(header, WSA, "wsa:Action", ACTION_RECSANS);
        child(header, WSA, "wsa:MessageID", "uuid:" + messageId);

        Element soapBody = child(envelope, SOAP12, "soap:Body", null);
        Element rec = child(soapBody, RECSANS, "insi_recsans_ins:RECSANSVITALE", null);
        child(rec, RECSANS, "insi_recsans_ins:NomNaissance", body.nomNaissance());
        child(rec, RECSANS, "insi_recsans_ins:Prenom", body.prenom());
        child(rec, RECSANS, "insi_recsans_ins:Sexe", body.sexe());
        child(rec, RECSANS, "insi_recsans_ins:DateNaissance", body.dateNaissance());
        if (body.lieuNaissance() != null) {
            child(rec, RECSANS, "insi_recsans_ins:LieuNaissance", body.lieuNaissance());
        }
        return serialise(doc);
    }

    static Element child(Element parent, String ns, String qname, String text) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    public static String serialise(Document doc) {
        try {
            Transformer transformer = SecureXml.transformerFactory().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise a DOM built here", e);
        }
    }
}
