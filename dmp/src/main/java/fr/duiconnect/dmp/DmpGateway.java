package fr.duiconnect.dmp;

import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpPatientStatus;
import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.dmp.RetrievedDocument;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.xds.XdsMetadataWriter;
import fr.duiconnect.core.xds.XdsSubmission;
import fr.duiconnect.dmp.security.VihfAssertion;
import fr.duiconnect.dmp.soap.DmpSoap;
import fr.duiconnect.dmp.soap.DmpTransport;
import fr.duiconnect.dmp.soap.MtomPackage;
import fr.duiconnect.dmp.transaction.DmpActions;
import fr.duiconnect.dmp.transaction.DmpMessages;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The DMP exchanges themselves: each builds its SOAP 1.2 envelope with a freshly signed VIHF, sends it (MTOM when
 * it carries documents) and reads the answer into typed results or typed errors. Called from the Camel routes only.
 */
public final class DmpGateway {

    private final DmpTransport transport;
    private final VihfAssertion vihf;
    private final String senderOid;

    public DmpGateway(DmpTransport transport, VihfAssertion vihf, String senderOid) {
        this.transport = transport;
        this.vihf = vihf;
        this.senderOid = senderOid;
    }

    /** TD0.2. */
    public DmpPatientStatus testExistence(Ins ins) {
        return DmpMessages.existenceAnswer(send(existenceRequest(ins)), ins);
    }

    /** TD0.2 sent, its answer read later by {@link PendingExistence#status()}: the caller works meanwhile. */
    public PendingExistence startExistenceTest(Ins ins) {
        Request request = existenceRequest(ins);
        return new PendingExistence(transport.start(request.service(), request.contentType(), request.body()), ins);
    }

    /** A TD0.2 under way. */
    public static final class PendingExistence {

        private final DmpTransport.Exchange exchange;
        private final Ins ins;

        private PendingExistence(DmpTransport.Exchange exchange, Ins ins) {
            this.exchange = exchange;
            this.ins = ins;
        }

        public DmpPatientStatus status() {
            return DmpMessages.existenceAnswer(DmpSoap.payload(exchange.answer().envelope(), "DMP answer"), ins);
        }

        public void cancel() {
            exchange.cancel();
        }
    }

    /**
     * A request exactly as the gateway sends it (VIHF signed, envelope serialised, MTOM packaged): sent by the
     * gateway itself, or replayed by tools that measure the wire without the connector (benchmark baselines).
     */
    public record Request(URI service, String contentType, byte[] body) {
    }

    /** TD0.2, built and signed, not sent. */
    public Request existenceRequest(Ins ins) {
        URI service = transport.service(DmpActions.PATIENTS);
        Document envelope = envelope(DmpActions.TD02, service, ins);
        DmpMessages.existenceQuery(DmpSoap.body(envelope), ins, senderOid);
        return new Request(service, soapType(DmpActions.TD02), DmpSoap.serialise(envelope));
    }

    /** ITI-41: the submission and each document's bytes by entryUUID. */
    public void provideAndRegister(Ins ins, XdsSubmission submission, Map<String, byte[]> contentByEntryUuid) {
        provideAndRegister(provideAndRegisterRequest(ins, submission, contentByEntryUuid));
    }

    /** ITI-41 already built by {@link #provideAndRegisterRequest}. */
    public void provideAndRegister(Request request) {
        DmpSoap.requireSuccess(send(request));
    }

    /** ITI-41, built, signed and packaged (MTOM), not sent. */
    public Request provideAndRegisterRequest(Ins ins, XdsSubmission submission, Map<String, byte[]> contentByEntryUuid) {
        URI service = transport.service(DmpActions.REPOSITORY);
        Document envelope = envelope(DmpActions.ITI41, service, ins);
        Element request = DmpSoap.child(DmpSoap.body(envelope), DmpSoap.XDSB, "xdsb:ProvideAndRegisterDocumentSetRequest", null);
        request.appendChild(envelope.importNode(XdsMetadataWriter.write(submission).getDocumentElement(), true));
        List<MtomPackage.Part> parts = new ArrayList<>();
        for (var entry : contentByEntryUuid.entrySet()) {
            String contentId = MtomPackage.newContentId();
            Element document = DmpSoap.child(request, DmpSoap.XDSB, "xdsb:Document", null);
            document.setAttribute("id", entry.getKey());
            DmpSoap.child(document, MtomPackage.XOP, "xop:Include", null).setAttribute("href", "cid:" + contentId);
            parts.add(new MtomPackage.Part(contentId, "text/xml", entry.getValue()));
        }
        MtomPackage.Encoded encoded = MtomPackage.write(DmpSoap.serialise(envelope), parts, DmpActions.ITI41);
        return new Request(service, encoded.contentType(), encoded.body());
    }

    /** ITI-18 FindDocuments. */
    public List<DmpDocumentEntry> findDocuments(Ins ins, Collection<DocumentAvailability> statuses) {
        URI service = transport.service(DmpActions.REGISTRY);
        Document envelope = envelope(DmpActions.ITI18, service, ins);
        DmpMessages.findDocuments(DmpSoap.body(envelope), ins, statuses);
        return DmpMessages.entries(call(service, envelope));
    }

    /** ITI-18 GetDocuments: the entry, and its ExtrinsicObject as the registry sent it (for ITI-57 updates). */
    public java.util.Optional<Found> getDocument(Ins ins, String uniqueId) {
        URI service = transport.service(DmpActions.REGISTRY);
        Document envelope = envelope(DmpActions.ITI18, service, ins);
        DmpMessages.getDocuments(DmpSoap.body(envelope), uniqueId);
        Element response = call(service, envelope);
        DmpSoap.requireSuccess(response);
        return DmpSoap.first(response, DmpSoap.RIM, "RegistryObjectList").stream()
                .flatMap(list -> DmpSoap.all(list, DmpSoap.RIM, "ExtrinsicObject").stream())
                .map(object -> new Found(DmpMessages.entry(object), object))
                .filter(found -> uniqueId.equals(found.entry().uniqueId()))
                .findFirst();
    }

    public record Found(DmpDocumentEntry entry, Element extrinsicObject) {
    }

    /** ITI-43. */
    public RetrievedDocument retrieve(Ins ins, String repositoryUniqueId, String uniqueId) {
        URI service = transport.service(DmpActions.REPOSITORY);
        Document envelope = envelope(DmpActions.ITI43, service, ins);
        DmpMessages.retrieve(DmpSoap.body(envelope), repositoryUniqueId, uniqueId);
        MtomPackage.Decoded decoded = transport.post(service, soapType(DmpActions.ITI43), DmpSoap.serialise(envelope));
        Element response = DmpSoap.payload(decoded.envelope(), "ITI-43 answer");
        DmpSoap.first(response, DmpSoap.RS, "RegistryResponse").ifPresent(DmpSoap::requireSuccess);
        Element document = DmpSoap.first(response, DmpSoap.XDSB, "DocumentResponse")
                .orElseThrow(() -> new InvalidInputException(DmpErrorCode.DOCUMENT_NOT_FOUND, "uniqueId", "the repository returned no document " + uniqueId));
        String mime = DmpSoap.first(document, DmpSoap.XDSB, "mimeType").map(e -> e.getTextContent().trim()).orElse("application/octet-stream");
        Element content = DmpSoap.first(document, DmpSoap.XDSB, "Document")
                .orElseThrow(() -> new InvalidInputException(DmpErrorCode.MALFORMED_ANSWER, "DocumentResponse/Document", "is missing"));
        byte[] bytes = DmpSoap.first(content, MtomPackage.XOP, "Include")
                .map(include -> decoded.part(include.getAttribute("href")).content())
                .orElseGet(() -> Base64.getMimeDecoder().decode(content.getTextContent().trim()));
        return new RetrievedDocument(uniqueId, repositoryUniqueId, mime, bytes);
    }

    /** ITI-57: a prepared SubmitObjectsRequest (status association or new metadata version). */
    public void updateDocumentSet(Ins ins, Document submitObjectsRequest) {
        URI service = transport.service(DmpActions.REGISTRY);
        Document envelope = envelope(DmpActions.ITI57, service, ins);
        DmpSoap.body(envelope).appendChild(envelope.importNode(submitObjectsRequest.getDocumentElement(), true));
        DmpSoap.requireSuccess(call(service, envelope));
    }

    private Document envelope(String action, URI to, Ins ins) {
        Document envelope = DmpSoap.envelope(action, to);
        vihf.signInto(DmpSoap.security(envelope), ins);
        return envelope;
    }

    private Element call(URI service, Document envelope) {
        String action = DmpSoap.header(envelope).getElementsByTagNameNS(DmpSoap.WSA, "Action").item(0).getTextContent();
        return send(new Request(service, soapType(action), DmpSoap.serialise(envelope)));
    }

    private Element send(Request request) {
        return DmpSoap.payload(transport.post(request.service(), request.contentType(), request.body()).envelope(), "DMP answer");
    }

    private static String soapType(String action) {
        return "application/soap+xml; charset=UTF-8; action=\"" + action + "\"";
    }
}
