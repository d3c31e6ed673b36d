package fr.duiconnect.harness.insi;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the simulated INSi checks in a request, as the service would: a SOAP 1.2 envelope, ContexteBAM 01_02,
 * ContexteLPS with a known authorisation number (IDAM R="4"), instance and name, wsa:Action and wsa:MessageID,
 * then a RECSANSVITALE body whose traits follow the INSi character rules. The checks here are written
 * independently of the connector's own rules so that a connector bug is not mirrored.
 */
final class InsiRequestCheck {

    static final String ACTION = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
    private static final String NOM = "[A-Z']?[A-Z]*(?:(?:-{1,2}|[' ])[A-Z]+)*";
    private static final String PRENOMS = "[A-Z]+(?:(?:-|[' ])[A-Z]+)*";

    /** A refused request: which fault to send. */
    static final class Refusal extends Exception {
        final String soapCode;
        final String subcode;
        final String siramCode;
        final String reason;

        Refusal(String soapCode, String subcode, String siramCode, String reason) {
            super(reason);
            this.soapCode = soapCode;
            this.subcode = subcode;
            this.siramCode = siramCode;
            this.reason = reason;
        }
    }

    record Search(String messageId, String nom, List<String> prenoms, String sexe, String date, String lieu) { }

    private InsiRequestCheck() { }

    static Search check(byte[] body, Set<String> knownAuthorisations) throws Refusal {
        Document doc;
        try {
            doc = SecureXml.parse(body, "INSi request");
        } catch (DuiConnectException e) {
            throw new Refusal("Sender", null, "siram_10", "Message SOAP mal formé");
        }
        Element env = doc.getDocumentElement();
        if (!InsiSoap.SOAP12.equals(env.getNamespaceURI()) || !"Envelope".equals(env.getLocalName())) {
            throw new Refusal("VersionMismatch", null, "siram_10", "Enveloppe SOAP 1.2 attendue");
        }
        Element header = child(env, InsiSoap.SOAP12, "Header");
        Element soapBody = child(env, InsiSoap.SOAP12, "Body");
        if (header == null || soapBody == null) {
            throw new Refusal("Sender", null, "siram_10", "En-tête ou corps SOAP absent");
        }
        Element bam = child(header, "urn:siram:bam:ctxbam", "ContexteBAM");
        if (bam == null || !"01_02".equals(bam.getAttribute("Version"))) {
            throw new Refusal("Sender", null, "siram_20", "ContexteBAM version 01_02 absent");
        }
        Element lps = child(header, "urn:siram:lps:ctxlps", "ContexteLPS");
        Element software = lps == null ? null : child(lps, "urn:siram:lps:ctxlps", "LPS");
        Element idam = software == null ? null : child(software, "urn:siram:lps:ctxlps", "IDAM");
        if (idam == null || !"4".equals(idam.getAttribute("R"))
                || text(software, "urn:siram:lps:ctxlps", "Instance") == null || text(software, "urn:siram:lps:ctxlps", "Nom") == null
                || text(software, "urn:siram:lps:ctxlps", "Version") == null) {
            throw new Refusal("Sender", null, "siram_20", "ContexteLPS incomplet (IDAM R=4, Version, Instance, Nom)");
        }
        if (!knownAuthorisations.contains(idam.getTextContent().strip())) {
            throw new Refusal("Sender", "siram_100",
                    "desir_550", "L'accès par ce progiciel au service n'est pas autorisé. Numéro d'autorisation du logiciel inconnu.");
        }
        String action = text(header, "http://www.w3.org/2005/08/addressing", "Action");
        String messageId = text(header, "http://www.w3.org/2005/08/addressing", "MessageID");
        if (!ACTION.equals(action) || messageId == null || !messageId.startsWith("uuid:")) {
            throw new Refusal("Sender", null, "siram_20", "wsa:Action ou wsa:MessageID absent ou inattendu");
        }
        Element rec = child(soapBody, "http://www.cnamts.fr/INSiRecSans", "RECSANSVITALE");
        if (rec == null) {
            throw new Refusal("Sender", null, "siram_10", "RECSANSVITALE attendu");
        }
        String ns = "http://www.cnamts.fr/INSiRecSans";
        String nom = text(rec, ns, "NomNaissance");
        List<String> prenoms = new ArrayList<>();
        for (Node n = rec.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Prenom".equals(e.getLocalName())) {
                prenoms.addAll(InsiSoap.words(e.getTextContent()));
            }
        }
        String sexe = text(rec, ns, "Sexe");
        String date = text(rec, ns, "DateNaissance");
        String lieu = text(rec, ns, "LieuNaissance");
        // The code the real service uses for malformed traits is not public (UNCONFIRMED): a Sender fault named here.
        if (nom == null || !nom.matches(NOM) || prenoms.isEmpty() || !String.join(" ", prenoms).matches(PRENOMS)) {
            throw new Refusal("Sender", null, "insi_traits_invalides", "Traits d'identité mal formés (A-Z, espace, apostrophe, tiret)");
        }
        if (sexe == null || !sexe.matches("[MF]") || date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}")
                || (lieu != null && !lieu.matches("[0-9AB]{5}"))) {
            throw new Refusal("Sender", null, "insi_traits_invalides", "Sexe, date de naissance ou lieu de naissance mal formé");
        }
        return new Search(messageId, nom, prenoms, sexe, date, lieu);
    }

    private static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String ns, String local) {
        Element e = child(parent, ns, local);
        return e == null || e.getTextContent().isBlank() ? null : e.getTextContent().strip();
    }
}
