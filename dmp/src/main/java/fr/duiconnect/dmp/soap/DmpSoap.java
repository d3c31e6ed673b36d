package fr.duiconnect.dmp.soap;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.dmp.DmpErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SOAP 1.2 envelopes of the DMP transactions: WS-Addressing headers (Action, MessageID, To; mustUnderstand), the
 * wsse:Security header holding the VIHF, and reading answers (SOAP faults, ebRS RegistryResponse errors).
 */
public final class DmpSoap {

    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    public static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    public static final String LCM = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    public static final String QUERY = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";
    public static final String XDSB = "urn:ihe:iti:xds-b:2007";
    public static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    public static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";

    private DmpSoap() {
    }

    /** A new envelope with its addressing headers and an empty wsse:Security; add the VIHF and the body. */
    public static Document envelope(String action, URI to) {
        Document document = SecureXml.newDocument();
        Element envelope = document.createElementNS(SOAP12, "soap:Envelope");
        envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsa", WSA);
        document.appendChild(envelope);
        Element header = child(envelope, SOAP12, "soap:Header", null);
        child(header, WSA, "wsa:Action", action).setAttributeNS(SOAP12, "soap:mustUnderstand", "true");
        child(header, WSA, "wsa:MessageID", "urn:uuid:" + UUID.randomUUID());
        child(child(header, WSA, "wsa:ReplyTo", null), WSA, "wsa:Address", "http://www.w3.org/2005/08/addressing/anonymous");
        child(header, WSA, "wsa:To", to.toString()).setAttributeNS(SOAP12, "soap:mustUnderstand", "true");
        child(header, WSSE, "wsse:Security", null).setAttributeNS(SOAP12, "soap:mustUnderstand", "true");
        child(envelope, SOAP12, "soap:Body", null);
        return document;
    }

    public static Element security(Document envelope) {
        return first(header(envelope), WSSE, "Security").orElseThrow();
    }

    public static Element header(Document envelope) {
        return first(envelope.getDocumentElement(), SOAP12, "Header").orElseThrow();
    }

    public static Element body(Document envelope) {
        return first(envelope.getDocumentElement(), SOAP12, "Body")
                .orElseThrow(() -> new InvalidInputException(DmpErrorCode.MALFORMED_ANSWER, "soap:Body", "is missing"));
    }

    /** The first element of the body, after checking it is a SOAP 1.2 envelope and not a fault. */
    public static Element payload(byte[] envelope, String what) {
        Document document = SecureXml.parse(envelope, what);
        Element root = document.getDocumentElement();
        if (!SOAP12.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            throw new InvalidInputException(DmpErrorCode.MALFORMED_ANSWER, what, "is not a SOAP 1.2 envelope");
        }
        Element payload = firstElement(body(document))
                .orElseThrow(() -> new InvalidInputException(DmpErrorCode.MALFORMED_ANSWER, what, "has an empty body"));
        if ("Fault".equals(payload.getLocalName()) && SOAP12.equals(payload.getNamespaceURI())) {
            throw fault(payload);
        }
        return payload;
    }

    /**
     * A SOAP fault: Receiver faults are transient (retried), a wsse subcode is a VIHF refusal, anything else the
     * sender's error.
     */
    static RemoteServiceException fault(Element fault) {
        String value = textAt(fault, "Code", "Value").orElse("");
        String subcode = first(fault, SOAP12, "Code").flatMap(c -> first(c, SOAP12, "Subcode"))
                .flatMap(s -> first(s, SOAP12, "Value")).map(e -> e.getTextContent().trim()).orElse("");
        String reason = first(fault, SOAP12, "Reason").flatMap(r -> first(r, SOAP12, "Text")).map(e -> e.getTextContent().trim()).orElse("");
        DmpErrorCode code = value.endsWith("Receiver") ? DmpErrorCode.DMP_UNAVAILABLE
                : subcode.startsWith("wsse:") ? DmpErrorCode.VIHF_REFUSED : DmpErrorCode.REGISTRY_ERROR;
        return new RemoteServiceException(code, subcode.isEmpty() ? value : subcode, "the DMP answered a SOAP fault: " + reason);
    }

    /** A registry error as the DMP sends it. */
    public record RegistryError(String errorCode, String codeContext, String severity) {
    }

    /** The errors of an rs:RegistryResponse (or of the one inside a retrieve answer); empty on success. */
    public static List<RegistryError> errors(Element response) {
        List<RegistryError> errors = new ArrayList<>();
        first(response, RS, "RegistryErrorList").ifPresent(list -> {
            for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "RegistryError".equals(e.getLocalName())) {
                    errors.add(new RegistryError(e.getAttribute("errorCode"), e.getAttribute("codeContext"), e.getAttribute("severity")));
                }
            }
        });
        return errors;
    }

    /** Throws the typed error for a Failure status; the first error's code is the remote code. */
    public static void requireSuccess(Element response) {
        String status = response.getAttribute("status");
        if (SUCCESS.equals(status)) {
            return;
        }
        List<RegistryError> errors = errors(response);
        RegistryError first = errors.isEmpty() ? new RegistryError("XDSRegistryError", "status " + status, "Error") : errors.get(0);
        DmpErrorCode code = "XDSDuplicateUniqueIdInRegistry".equals(first.errorCode()) ? DmpErrorCode.DUPLICATE_UNIQUE_ID
                : "XDSRegistryBusy".equals(first.errorCode()) || "XDSRepositoryBusy".equals(first.errorCode()) ? DmpErrorCode.DMP_UNAVAILABLE
                : DmpErrorCode.REGISTRY_ERROR;
        throw new RemoteServiceException(code, first.errorCode(), "the DMP refused: " + first.codeContext()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }

    public static byte[] serialise(Document document) {
        try {
            Transformer transformer = SecureXml.transformerFactory().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");   // never reformat: the VIHF is signed
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("a SOAP envelope cannot be serialised", e);
        }
    }

    public static Element child(Element parent, String namespace, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    public static Optional<Element> first(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && (namespace == null || namespace.equals(e.getNamespaceURI()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static List<Element> all(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && (namespace == null || namespace.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    public static Optional<Element> firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> textAt(Element from, String... path) {
        Optional<Element> current = Optional.of(from);
        for (String name : path) {
            current = current.flatMap(e -> first(e, SOAP12, name));
        }
        return current.map(e -> e.getTextContent().trim());
    }
}
