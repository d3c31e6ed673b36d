package fr.duiconnect.ins.insi;

import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.ins.InsiReturnCode;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.ins.InsErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import fr.cnamts.insiresultat.IdentifiantNationalSante;
import fr.cnamts.insiresultat.Individu;
import fr.cnamts.insiresultat.Matricule;
import fr.cnamts.insiresultat.Resultat;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import javax.xml.transform.dom.DOMSource;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static fr.duiconnect.ins.insi.InsiNamespaces.CTX_BAM;
import static fr.duiconnect.ins.insi.InsiNamespaces.CTX_LPS;
import static fr.duiconnect.ins.insi.InsiNamespaces.REC_SANS;
import static fr.duiconnect.ins.insi.InsiNamespaces.RESULTAT;
import static fr.duiconnect.ins.insi.InsiNamespaces.SIRAM;
import static fr.duiconnect.ins.insi.InsiNamespaces.SOAP12;
import static fr.duiconnect.ins.insi.InsiNamespaces.WSA;

/**
 * Writes the SOAP 1.2 request of {@code rechercherInsAvecTraitsIdentite} (headers ContexteBAM 01_02, ContexteLPS
 * 01_00 with the IDAM R="4", wsa:Action, wsa:MessageID) and reads RESULTAT or the siram fault, as the INSi WSDL
 * DESIR_ICIR_EXP_1.5.0 and its XSDs describe them (shared/specs/ins.md §1). Stateless.
 */
public final class InsiSoap {

    /** Immutable and thread-safe: one JAXB context and one compiled answer schema for the process. */
    private static final JAXBContext JAXB = jaxbContext();
    private static final Schema RESULT_SCHEMA = resultSchema();

    /**
     * The answer's schema check, one validator per thread (reset per answer): a validating unmarshaller builds a new
     * validator for each answer, a twentieth of a search's CPU.
     */
    private static final ThreadLocal<Validator> RESULT_VALIDATOR = ThreadLocal.withInitial(RESULT_SCHEMA::newValidator);
    /** The JDK's stream writer factory, one per thread (looked up once: the lookup costs as much as the writing). */
    private static final ThreadLocal<XMLOutputFactory> WRITERS = ThreadLocal.withInitial(XMLOutputFactory::newDefaultFactory);

    private InsiSoap() {
    }

    private static JAXBContext jaxbContext() {
        try {
            return JAXBContext.newInstance(fr.cnamts.insirecsans.ObjectFactory.class, fr.cnamts.insirecvit.ObjectFactory.class,
                    fr.cnamts.insiresultat.ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the INSi JAXB classes cannot be loaded", e);
        }
    }

    private static Schema resultSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(InsiSoap.class.getResource("/wsdl/xsd/INSi_RESULTAT_INS.xsd"));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("the INSi answer schema cannot be loaded", e);
        }
    }

    /** The RECSANSVITALE and RECVITALE schemas, for those (the simulator) that validate requests. */
    public static Schema requestSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new javax.xml.transform.Source[] {
                    new javax.xml.transform.stream.StreamSource(InsiSoap.class.getResource("/wsdl/xsd/INSi_RECSANS_INS.xsd").toExternalForm()),
                    new javax.xml.transform.stream.StreamSource(InsiSoap.class.getResource("/wsdl/xsd/INSi_RECVITALE_INS.xsd").toExternalForm())});
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("the INSi request schema cannot be loaded", e);
        }
    }

    /**
     * @param emitter the ContexteBAM/ContexteLPS Emetteur: the structure's identifier (FINESS); the exact rule is
     *                UNCONFIRMED (padoa takes the certificate OU), so it is configurable ({@code dui.ins.option.emitter})
     */
    public static String request(InsiQuery query, SoftwareIdentity software, String emitter, String messageId, Instant now) {
        fr.cnamts.insirecsans.TraitsDIdentite search = new fr.cnamts.insirecsans.TraitsDIdentite();
        search.setNomNaissance(query.birthName());
        search.getPrenom().add(query.firstNames());
        search.setSexe(query.sex().name());
        search.setDateNaissance(query.birthDate().toString());
        search.setLieuNaissance(query.birthPlaceCog());
        return envelope(new fr.cnamts.insirecsans.ObjectFactory().createRECSANSVITALE(search), InsiNamespaces.ACTION_SEARCH_BY_TRAITS,
                software, emitter, messageId, now);
    }

    /** The RECVITALE request: the beneficiary's number and birth data as read from the carte Vitale. */
    public static String requestVitale(String beneficiaryNir, String birthName, String birthDate, String birthRank,
                                       SoftwareIdentity software, String emitter, String messageId, Instant now) {
        fr.cnamts.insirecvit.Beneficiaire beneficiary = new fr.cnamts.insirecvit.Beneficiaire();
        fr.cnamts.insirecvit.Matricule matricule = new fr.cnamts.insirecvit.Matricule();
        matricule.setNumIdentifiant(beneficiaryNir);
        beneficiary.setMatriculeIndividu(matricule);
        beneficiary.setNomNaissance(birthName);
        beneficiary.setDateNaissance(birthDate);
        beneficiary.setRangNaissance(birthRank);
        return envelope(new fr.cnamts.insirecvit.ObjectFactory().createRECVITALE(beneficiary), InsiNamespaces.ACTION_SEARCH_BY_VITALE,
                software, emitter, messageId, now);
    }

    private static String envelope(jakarta.xml.bind.JAXBElement<?> bodyContent, String action, SoftwareIdentity software,
                                   String emitter, String messageId, Instant now) {
        StringWriter text = new StringWriter(2048);
        try {
            // Written as a stream (the writer escapes the text), straight to the request's text: no DOM to build and
            // serialise again, which was a seventh of a search's CPU.
            XMLStreamWriter out = WRITERS.get().createXMLStreamWriter(text);
            out.writeStartDocument("UTF-8", "1.0");
            start(out, "soap", "Envelope", SOAP12);
            out.writeNamespace("soap", SOAP12);
            start(out, "soap", "Header", SOAP12);

            context(out, "ctxbam", "ContexteBAM", CTX_BAM, "CTXBAM", "01_02", emitter, now);
            leaf(out, "ctxbam", "COUVERTURE", CTX_BAM, null);
            out.writeEndElement();

            context(out, "ctxlps", "ContexteLPS", CTX_LPS, "CTXLPS", "01_00", emitter, now);
            start(out, "ctxlps", "LPS", CTX_LPS);
            start(out, "ctxlps", "IDAM", CTX_LPS);
            out.writeAttribute("R", "4");
            out.writeCharacters(software.homologation("insi").orElse(""));
            out.writeEndElement();
            leaf(out, "ctxlps", "Version", CTX_LPS, software.version());
            leaf(out, "ctxlps", "Instance", CTX_LPS, software.installationId().toString());
            leaf(out, "ctxlps", "Nom", CTX_LPS, "urn:lps:" + software.name().replace(' ', '-') + ":" + software.version());
            out.writeEndElement();
            out.writeEndElement();

            start(out, "wsa", "Action", WSA);
            out.writeNamespace("wsa", WSA);
            out.writeCharacters(action);
            out.writeEndElement();
            start(out, "wsa", "MessageID", WSA);
            out.writeNamespace("wsa", WSA);
            out.writeCharacters("uuid:" + messageId);
            out.writeEndElement();
            out.writeEndElement();

            start(out, "soap", "Body", SOAP12);
            jakarta.xml.bind.Marshaller marshaller = JAXB.createMarshaller();
            marshaller.setProperty(jakarta.xml.bind.Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.marshal(bodyContent, out);
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndDocument();
            out.close();
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalStateException("the INSi request cannot be written", e);
        }
        return text.toString();
    }

    /** Opens a siram context (ContexteBAM, ContexteLPS) with its nature, version, own id, time and emitter. */
    private static void context(XMLStreamWriter out, String prefix, String localName, String namespace, String nature,
                                String version, String emitter, Instant now) throws XMLStreamException {
        start(out, prefix, localName, namespace);
        out.writeNamespace(prefix, namespace);
        out.writeAttribute("Version", version);
        out.writeAttribute("Nature", nature);
        leaf(out, prefix, "Id", namespace, UUID.randomUUID().toString());
        leaf(out, prefix, "Temps", namespace, now.toString());
        leaf(out, prefix, "Emetteur", namespace, emitter);
    }

    private static void start(XMLStreamWriter out, String prefix, String localName, String namespace) throws XMLStreamException {
        out.writeStartElement(prefix, localName, namespace);
    }

    /** An element with its text, or empty when the text is null. */
    private static void leaf(XMLStreamWriter out, String prefix, String localName, String namespace, String text) throws XMLStreamException {
        out.writeStartElement(prefix, localName, namespace);
        if (text != null) {
            out.writeCharacters(text);
        }
        out.writeEndElement();
    }

    /** Reads an answer: RESULTAT, or a SOAP fault turned into a typed error with the siram code. */
    public static InsiAnswer response(String xml, String rawRequest) {
        Document document = SecureXml.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "INSi response");
        return response(document.getDocumentElement(), xml, rawRequest);
    }

    /**
     * Reads an answer already parsed (by the SOAP stack, with DOCTYPEs refused), without parsing its text again.
     *
     * @param xml the answer's text as received, kept in the answer as evidence
     */
    public static InsiAnswer response(Element envelope, String xml, String rawRequest) {
        if (!"Envelope".equals(envelope.getLocalName()) || !SOAP12.equals(envelope.getNamespaceURI())) {
            throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, null, "the INSi answer is not a SOAP 1.2 envelope");
        }
        Element body = child(envelope, SOAP12, "Body");
        if (body == null) {
            throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, null, "the INSi answer has no SOAP Body");
        }
        Element fault = child(body, SOAP12, "Fault");
        if (fault != null) {
            throw fault(fault);
        }
        Element resultElement = child(body, RESULTAT, "RESULTAT");
        if (resultElement == null) {
            throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, null, "the INSi answer holds no RESULTAT");
        }
        Resultat result;
        try {
            Validator validator = RESULT_VALIDATOR.get();   // INSi_RESULTAT_INS.xsd: patterns of NIR, CLE, dates
            validator.reset();
            validator.validate(new DOMSource(resultElement));
            result = JAXB.createUnmarshaller().unmarshal(resultElement, Resultat.class).getValue();
        } catch (SAXException | IOException | JAXBException e) {
            String detail = e instanceof JAXBException j && j.getLinkedException() != null ? j.getLinkedException().getMessage() : e.getMessage();
            throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, null, "the RESULTAT does not follow INSi_RESULTAT_INS.xsd: " + detail);
        }
        InsiReturnCode code;
        try {
            code = InsiReturnCode.of(result.getCR().getCodeCR().trim());
        } catch (IllegalArgumentException e) {
            throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, result.getCR().getCodeCR(), "unknown INSi compte-rendu code");
        }
        String label = result.getCR().getLibelleCR();
        Individu individual = result.getINDIVIDU();
        if (code != InsiReturnCode.FOUND || individual == null) {
            if (code == InsiReturnCode.FOUND) {
                throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, "00", "INSi answered 00 without INDIVIDU");
            }
            return new InsiAnswer(code, label, null, List.of(), null, rawRequest, xml);
        }
        Ins active = ins(individual.getINSACTIF());
        List<Ins> history = new ArrayList<>();
        for (IdentifiantNationalSante former : individual.getINSHISTO()) {
            history.add(ins(former));
        }
        return new InsiAnswer(code, label, active, history, traits(individual.getTIQ()), rawRequest, xml);
    }

    private static RemoteServiceException fault(Element fault) {
        Element code = child(fault, SOAP12, "Code");
        Element subcode = code == null ? null : child(code, SOAP12, "Subcode");
        String sub = subcode == null ? null : text(subcode, SOAP12, "Value");
        Element reason = child(fault, SOAP12, "Reason");
        String reasonText = reason == null ? "" : text(reason, SOAP12, "Text");
        String siramCode = null;
        String siramText = "";
        Element detail = child(fault, SOAP12, "Detail");
        Element erreur = detail == null ? null : child(detail, SIRAM, "Erreur");
        if (erreur != null) {
            siramCode = erreur.getAttribute("code");
            siramText = erreur.getTextContent().trim();
        }
        return fault(sub, reasonText, siramCode, siramText);
    }

    /** The typed error of an INSi SOAP fault: DESIR_560 / desir_550 are access refusals, the rest are faults. */
    public static RemoteServiceException fault(String sub, String reasonText, String siramCode, String siramText) {
        String remote = siramCode != null && !siramCode.isEmpty() ? siramCode : sub;
        boolean access = remote != null && (remote.equalsIgnoreCase("DESIR_560") || remote.equalsIgnoreCase("desir_550"));
        return new RemoteServiceException(access ? InsErrorCode.INSI_ACCESS : InsErrorCode.INSI_FAULT, remote,
                (reasonText + " " + siramText).trim());
    }

    private static Ins ins(IdentifiantNationalSante identifier) {
        InsKind kind;
        try {
            kind = InsKind.fromOid(identifier.getOID().trim());
        } catch (RuntimeException e) {
            throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, identifier.getOID(), "INSi returned an unknown INS OID");
        }
        Matricule matricule = identifier.getIdIndividu();
        String number = matricule.getNumIdentifiant();
        String key = matricule.getCle();
        if (key == null || !number.matches("\\d{5}(\\d{2}|2[AB])\\d{6}")) {
            throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, "00", "INSi returned a malformed matricule");
        }
        // INSi output is authoritative even when its key does not follow the formula (CNDA TEST_2.08 cas 2).
        return Ins.asReturnedByInsi(number, key, kind);
    }

    private static IdentityTraits traits(fr.cnamts.insiresultat.TraitsDIdentite tiq) {
        String list = tiq.getListePrenom() != null ? tiq.getListePrenom() : tiq.getPrenom();
        try {
            return new IdentityTraits(tiq.getNomNaissance(), Arrays.asList(list.trim().split(" +")), null, null,
                    Sex.parse(tiq.getSexe(), "TIQ.Sexe"), LocalDate.parse(tiq.getDateNaissance()), emptyToNull(tiq.getLieuNaissance()));
        } catch (RuntimeException e) {
            throw new RemoteServiceException(InsErrorCode.INSI_RESPONSE, "00", "INSi returned traits that cannot be read: "
                    + (e instanceof DateTimeParseException ? "DateNaissance" : e.getMessage()));
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }


    static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static String text(Element parent, String namespace, String localName) {
        Element element = child(parent, namespace, localName);
        return element == null ? null : element.getTextContent().trim();
    }

}
