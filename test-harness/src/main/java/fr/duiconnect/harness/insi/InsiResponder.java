package fr.duiconnect.harness.insi;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.ins.insi.InsiNamespaces;
import fr.duiconnect.ins.rules.InsiTraitRules;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import static fr.duiconnect.ins.insi.InsiNamespaces.CTX_BAM;
import static fr.duiconnect.ins.insi.InsiNamespaces.CTX_LPS;
import static fr.duiconnect.ins.insi.InsiNamespaces.REC_SANS;
import static fr.duiconnect.ins.insi.InsiNamespaces.SOAP12;
import static fr.duiconnect.ins.insi.InsiNamespaces.WSA;

/**
 * What the simulated INSi answers to one request: checks as the teleservice does (certificate CN, envelope,
 * contexts, IDAM, traits), then searches the persona table. Fault codes are those the public material shows
 * (siram_100/desir_550 unknown IDAM, DESIR_560 insufficient access); for malformed traits or envelopes, which the
 * public material does not document, the simulator answers siram_200 "requête invalide" (its own choice).
 */
final class InsiResponder {

    record Reply(int status, String body) {
    }

    private static final javax.xml.validation.Schema REQUEST_SCHEMA = fr.duiconnect.ins.insi.InsiSoap.requestSchema();

    private final List<InsiPersona> personas;

    InsiResponder(List<InsiPersona> personas) {
        this.personas = personas;
    }

    Reply answer(byte[] request, String clientCommonName, String contentType) {
        return answer(request, clientCommonName, contentType, null);
    }

    /** @param clientFiness the structure the TLS certificate was issued to: the contexts' Emetteur must name it */
    Reply answer(byte[] request, String clientCommonName, String contentType, String clientFiness) {
        if (clientCommonName == null || !(clientCommonName.equals("INSI-AUTO") || clientCommonName.equals("INSI-MANU"))) {
            return new Reply(500, fault("soap:Sender", "siram_100", "Niveau d'accès insuffisant", "DESIR_560",
                    "Vous ne disposez pas des droits suffisants pour accéder à ce service."));
        }
        if (contentType == null || !contentType.startsWith("application/soap+xml")) {
            return invalid("le type de contenu doit être application/soap+xml (SOAP 1.2)");
        }
        Document document;
        try {
            document = SecureXml.parse(request, "INSi request");
        } catch (DuiConnectException e) {
            return invalid("message XML illisible");
        }
        Element envelope = document.getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName()) || !SOAP12.equals(envelope.getNamespaceURI())) {
            return invalid("enveloppe SOAP 1.2 attendue");
        }
        Element header = child(envelope, SOAP12, "Header");
        Element body = child(envelope, SOAP12, "Body");
        if (header == null || body == null) {
            return invalid("en-tête ou corps SOAP absent");
        }
        Element bam = child(header, CTX_BAM, "ContexteBAM");
        Element lps = child(header, CTX_LPS, "ContexteLPS");
        if (bam == null || !"01_02".equals(bam.getAttribute("Version")) || lps == null) {
            return invalid("ContexteBAM (version 01_02) et ContexteLPS sont obligatoires");
        }
        Element lpsBlock = child(lps, CTX_LPS, "LPS");
        Element idam = lpsBlock == null ? null : child(lpsBlock, CTX_LPS, "IDAM");
        if (idam == null || !"4".equals(idam.getAttribute("R")) || idam.getTextContent().isBlank()) {
            return new Reply(500, fault("soap:Sender", "siram_100",
                    "L'accès par ce progiciel au service n'est pas autorisé. Contactez l'éditeur du progiciel ou votre CPAM.",
                    "desir_550", "Numéro d'autorisation du logiciel inconnu."));
        }
        String emitter = text(bam, CTX_BAM, "Emetteur");
        if (clientFiness != null && emitter != null && !emitter.isBlank() && !emitter.equals(clientFiness)) {
            return new Reply(500, fault("soap:Sender", "siram_100", "Niveau d'accès insuffisant", "DESIR_560",
                    "L'émetteur " + emitter + " n'est pas la structure du certificat d'authentification (" + clientFiness + ")."));
        }
        if (lpsBlock == null || text(lpsBlock, CTX_LPS, "Instance") == null || text(lpsBlock, CTX_LPS, "Nom") == null) {
            return invalid("ContexteLPS/LPS doit porter Instance et Nom");
        }
        String action = text(header, WSA, "Action");
        if (text(header, WSA, "MessageID") == null || !(InsiNamespaces.ACTION_SEARCH_BY_TRAITS.equals(action)
                || InsiNamespaces.ACTION_SEARCH_BY_VITALE.equals(action))) {
            return invalid("wsa:Action (rechercherInsAvecTraitsIdentite ou rechercherInsAvecCarteVitale) et wsa:MessageID sont obligatoires");
        }
        Element vitale = child(body, InsiNamespaces.REC_VIT, "RECVITALE");
        if (vitale != null) {
            return InsiNamespaces.ACTION_SEARCH_BY_VITALE.equals(action) ? vitale(vitale) : invalid("RECVITALE avec une autre action");
        }
        Element search = child(body, REC_SANS, "RECSANSVITALE");
        if (search == null) {
            return invalid("RECSANSVITALE attendu");
        }
        try {
            REQUEST_SCHEMA.newValidator().validate(new javax.xml.transform.dom.DOMSource(search));
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            return invalid("RECSANSVITALE non conforme au schéma INSi_RECSANS_INS.xsd");
        }
        String birthName = text(search, REC_SANS, "NomNaissance");
        String firstNames = text(search, REC_SANS, "Prenom");
        String sex = text(search, REC_SANS, "Sexe");
        String date = text(search, REC_SANS, "DateNaissance");
        String cog = text(search, REC_SANS, "LieuNaissance");
        if (birthName == null || firstNames == null || sex == null || date == null || !(sex.equals("M") || sex.equals("F"))) {
            return invalid("NomNaissance, Prenom, Sexe (M/F) et DateNaissance sont obligatoires");
        }
        LocalDate birthDate;
        try {
            InsiTraitRules.checkBirthName(birthName);
            for (String firstName : firstNames.split(" ")) {
                InsiTraitRules.checkFirstName(firstName, "Prenom");
            }
            birthDate = LocalDate.parse(date);
        } catch (DuiConnectException | DateTimeParseException e) {
            return invalid("traits d'identité mal formés");
        }
        List<InsiPersona> found = personas.stream()
                .filter(p -> p.acceptsBirthName(birthName) && p.sex().name().equals(sex) && p.birthDate().equals(birthDate))
                .filter(p -> p.acceptsFirstNames(firstNames))
                .filter(p -> cog == null || cog.equals(p.birthPlaceCog()))
                .toList();
        if (found.isEmpty()) {
            return new Reply(200, result("01", "Aucune identite trouvee", null));
        }
        if (found.size() > 1) {
            return new Reply(200, result("02", "Plusieurs identites trouvees", null));
        }
        return new Reply(200, result("00", "OK", found.get(0)));
    }

    /** RECVITALE: the person whose matricule (and birth date) the card gives. */
    private Reply vitale(Element vitale) {
        try {
            REQUEST_SCHEMA.newValidator().validate(new javax.xml.transform.dom.DOMSource(vitale));
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            return invalid("RECVITALE non conforme au schéma INSi_RECVITALE_INS.xsd");
        }
        Element individual = child(vitale, InsiNamespaces.REC_VIT, "MatriculeIndividu");
        String number = individual == null ? null : text(individual, InsiNamespaces.REC_VIT, "NumIdentifiant");
        String date = text(vitale, InsiNamespaces.REC_VIT, "DateNaissance");
        if (number == null || date == null) {
            return invalid("MatriculeIndividu/NumIdentifiant et DateNaissance sont obligatoires");
        }
        List<InsiPersona> found = personas.stream()
                .filter(p -> (p.number().equals(number) || p.history().stream().anyMatch(h -> h.startsWith(number)))
                        && p.birthDate().toString().equals(date))
                .toList();
        return found.size() == 1 ? new Reply(200, result("00", "OK", found.get(0)))
                : new Reply(200, result("01", "Aucune identite trouvee", null));
    }

    private static Reply invalid(String why) {
        return new Reply(500, fault("soap:Sender", "siram_200", "Requête invalide", "desir_200", why));
    }

    static String fault(String code, String subcode, String reason, String siramCode, String siramText) {
        return """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:siram="urn:siram"><soap:Body>\
                <soap:Fault><soap:Code><soap:Value>%s</soap:Value><soap:Subcode><soap:Value>soap:%s</soap:Value></soap:Subcode></soap:Code>\
                <soap:Reason><soap:Text xml:lang="fr">%s</soap:Text></soap:Reason>\
                <soap:Detail><siram:Erreur code="%s" severite="erreur">%s</siram:Erreur></soap:Detail></soap:Fault>\
                </soap:Body></soap:Envelope>""".formatted(code, subcode, escape(reason), siramCode, escape(siramText));
    }

    private static String result(String code, String label, InsiPersona persona) {
        StringBuilder xml = new StringBuilder("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header><wsa:Action>"
                + InsiNamespaces.ACTION_SEARCH_BY_TRAITS_RESPONSE + "</wsa:Action></soap:Header><soap:Body>"
                + "<RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\"><CR><CodeCR>" + code + "</CodeCR><LibelleCR>" + label
                + "</LibelleCR></CR>");
        if (persona != null) {
            xml.append("<INDIVIDU>").append(identifier("INSACTIF", persona.number(), persona.key(), persona.kind().oid()));
            for (String former : persona.history()) {
                xml.append(identifier("INSHISTO", former.substring(0, 13), former.substring(13), persona.kind().oid()));
            }
            String first = persona.firstNames().split(" ")[0];
            xml.append("<TIQ><NomNaissance>").append(escape(persona.birthName())).append("</NomNaissance><Prenom>").append(first)
                    .append("</Prenom><ListePrenom>").append(persona.firstNames()).append("</ListePrenom><Sexe>").append(persona.sex())
                    .append("</Sexe><DateNaissance>").append(persona.birthDate()).append("</DateNaissance><LieuNaissance>")
                    .append(persona.birthPlaceCog()).append("</LieuNaissance></TIQ></INDIVIDU>");
        }
        return xml.append("</RESULTAT></soap:Body></soap:Envelope>").toString();
    }

    private static String identifier(String element, String number, String key, String oid) {
        return "<" + element + "><IdIndividu><NumIdentifiant>" + number + "</NumIdentifiant><Cle>" + key
                + "</Cle></IdIndividu><OID>" + oid + "</OID></" + element + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }

    private static Element child(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && name.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String namespace, String name) {
        Element element = child(parent, namespace, name);
        return element == null || element.getTextContent().isBlank() ? null : element.getTextContent().trim();
    }
}
