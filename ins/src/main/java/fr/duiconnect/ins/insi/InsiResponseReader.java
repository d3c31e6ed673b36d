package fr.duiconnect.ins.insi;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.ins.InsErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static fr.duiconnect.ins.insi.InsiNamespaces.*;

/**
 * Reads an INSi response (hardened parser): RESULTAT, or a SOAP 1.2 Fault mapped to a typed error
 * (siram_100/desir_550 → unknown software authorisation; DESIR_560 → certificate CN; other → generic fault).
 * INSi output is authoritative: a key not following the formula is kept (HERMANN GATIEN, CNDA 2.08 cas 2).
 */
public final class InsiResponseReader {

    private InsiResponseReader() { }

    public static InsiAnswer read(byte[] bytes) {
        String xml = new String(bytes, StandardCharsets.UTF_8);
        Document doc;
        try {
            doc = SecureXml.parse(bytes, "INSi response");
        } catch (DuiConnectException e) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, null, "the INSi response is not acceptable XML", e);
        }
        Element root = doc.getDocumentElement();
        if (!SOAP12.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, null, "the INSi response is not a SOAP 1.2 envelope");
        }
        Element body = first(root, SOAP12, "Body");
        if (body == null) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, null, "the SOAP envelope has no Body");
        }
        Element fault = first(body, SOAP12, "Fault");
        if (fault != null) {
            throw fault(fault);
        }
        Element resultat = first(body, RESULTAT, "RESULTAT");
        Element cr = resultat == null ? null : first(resultat, RESULTAT, "CR");
        String codeCr = cr == null ? null : text(cr, "CodeCR");
        if (codeCr == null) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, null, "the response holds no RESULTAT/CR/CodeCR");
        }
        InsReturnCode code;
        try {
            code = InsReturnCode.fromCode(codeCr);
        } catch (IllegalArgumentException e) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, codeCr, "unknown CodeCR " + codeCr);
        }
        if (code != InsReturnCode.FOUND) {
            return new InsiAnswer(code, null, List.of(), null, xml);
        }
        Element individu = first(resultat, RESULTAT, "INDIVIDU");
        if (individu == null) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, "00", "CR 00 without INDIVIDU");
        }
        Ins active = ins(first(individu, RESULTAT, "INSACTIF"));
        List<Ins> history = new ArrayList<>();
        for (Element h : all(individu, RESULTAT, "INSHISTO")) {
            history.add(ins(h));
        }
        return new InsiAnswer(code, active, history, traits(first(individu, RESULTAT, "TIQ")), xml);
    }

    private static RemoteServiceException fault(Element fault) {
        Element erreur = null;
        NodeList list = fault.getElementsByTagNameNS(SIRAM, "Erreur");
        if (list.getLength() > 0) {
            erreur = (Element) list.item(0);
        }
        String siramCode = erreur == null ? "" : erreur.getAttribute("code");
        String detail = erreur == null ? "" : erreur.getTextContent().strip();
        NodeList reasons = fault.getElementsByTagNameNS(SOAP12, "Text");
        String reason = reasons.getLength() > 0 ? reasons.item(0).getTextContent().strip() : "";
        NodeList subcodes = fault.getElementsByTagNameNS(SOAP12, "Subcode");
        String subcode = subcodes.getLength() > 0 ? text((Element) subcodes.item(0), "Value") : null;
        InsErrorCode code;
        if ("DESIR_560".equalsIgnoreCase(siramCode)) {
            code = InsErrorCode.CERTIFICATE_ACCESS;
        } else if ("desir_550".equalsIgnoreCase(siramCode) || (subcode != null && subcode.endsWith("siram_100"))) {
            code = InsErrorCode.SOFTWARE_NOT_AUTHORISED;
        } else {
            code = InsErrorCode.REMOTE_FAULT;
        }
        String remote = siramCode.isEmpty() ? subcode : siramCode;
        return new RemoteServiceException(code, remote, "INSi fault " + remote + ": " + reason + (detail.isEmpty() ? "" : " — " + detail));
    }

    private static Ins ins(Element element) {
        if (element == null) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, "00", "INDIVIDU without INSACTIF");
        }
        Element id = first(element, RESULTAT, "IdIndividu");
        String number = id == null ? null : text(id, "NumIdentifiant");
        String key = id == null ? null : text(id, "Cle");
        String oid = text(element, "OID");
        if (number == null || key == null || oid == null) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, "00", "an INS lacks NumIdentifiant, Cle or OID");
        }
        try {
            return Ins.asReturnedByInsi(number, key, InsKind.fromOid(oid));
        } catch (DuiConnectException e) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, "00", "an INS returned by INSi is malformed: " + e.getMessage(), e);
        }
    }

    private static IdentityTraits traits(Element tiq) {
        if (tiq == null) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, "00", "INDIVIDU without TIQ");
        }
        String list = text(tiq, "ListePrenom");
        if (list == null) {
            list = text(tiq, "Prenom");
        }
        try {
            return new IdentityTraits(text(tiq, "NomNaissance"), list == null ? List.of() : Arrays.asList(list.strip().split(" +")),
                    null, null, Sex.parse(text(tiq, "Sexe"), "TIQ/Sexe"), LocalDate.parse(text(tiq, "DateNaissance")),
                    text(tiq, "LieuNaissance"));
        } catch (DuiConnectException | DateTimeParseException | NullPointerException e) {
            throw new RemoteServiceException(InsErrorCode.RESPONSE_INVALID, "00", "the returned traits (TIQ) are incomplete or malformed", e);
        }
    }

    static Element first(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> all(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Text of the first child with that local name, whatever its namespace (fixtures vary), or null. */
    static String text(Element parent, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                String t = e.getTextContent().strip();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }
}
