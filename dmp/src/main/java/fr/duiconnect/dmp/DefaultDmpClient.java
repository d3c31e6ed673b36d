package fr.duiconnect.dmp;

import fr.duiconnect.core.dmp.DmpClient;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpPatientStatus;
import fr.duiconnect.core.dmp.DmpSearch;
import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.dmp.RetrievedDocument;
import fr.duiconnect.core.dmp.Visibility;
import fr.duiconnect.core.directory.DirectoryClient;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.PreviousVersion;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.identity.IdentityGuard;
import fr.duiconnect.core.indicators.UsageKinds;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.ForStructure;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.OutboundRequest;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.XdsDocument;
import fr.duiconnect.core.xds.XdsMetadataWriter;
import fr.duiconnect.core.xds.XdsSubmission;
import fr.duiconnect.core.xds.XdsUniqueIds;
import fr.duiconnect.dmp.cda.AcceptedHeaders;
import fr.duiconnect.dmp.cda.CdaHeader;
import fr.duiconnect.dmp.cda.CdaHeaderReader;
import fr.duiconnect.dmp.document.CdaDocumentWriter;
import fr.duiconnect.dmp.document.DirectoryCheckedPhysician;
import fr.duiconnect.dmp.security.SubmissionSetSignature;
import fr.duiconnect.dmp.transaction.DmpMessages;
import fr.duiconnect.dmp.xds.DmpMetadataFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The DMP client: local checks and journaling on the caller's thread, delivery (TD0.2 then ITI-41/ITI-57) from the
 * journal, synchronous TD0.2/TD3.1/TD3.2 through the request route. Thread-safe.
 */
public final class DefaultDmpClient implements DmpClient {

    public static final String STATUS_KIND = "dmp.status";
    public static final String VISIBILITY_KIND = "dmp.visibility";
    public static final Set<String> KINDS = Set.of(UsageKinds.DMP_DEPOSIT, UsageKinds.DMP_REPLACE, STATUS_KIND, VISIBILITY_KIND);

    private final ModuleContext context;
    private final DmpSettings settings;
    private final DmpMetadataFactory metadata;
    private final DocumentSubmissions submissions;
    private final CdaDocumentWriter documents;
    private final AcceptedHeaders acceptedHeaders = new AcceptedHeaders();

    /** The client of the structure {@code settings} names, signing with its ORG SIGN key. */
    public DefaultDmpClient(ModuleContext context, DmpSettings settings, SubmissionSetSignature signer) {
        this.context = context;
        this.settings = settings;
        this.metadata = new DmpMetadataFactory(settings.sourceId(), settings.contentTypeCode());
        this.submissions = new DocumentSubmissions(metadata, signer, context.clock());
        this.documents = new CdaDocumentWriter(context.clock(), CdaDocumentWriter.DEFAULT_MAX_ATTACHMENT_BYTES, settings.terminology());
    }

    // ---------------------------------------------------------------- local: documents

    @Override
    public GeneratedCda writeDlu(ResidentRecord resident, PreviousVersion replaces) {
        return documents.dlu(resident, replaces);
    }

    @Override
    public GeneratedCda writeDlu(ResidentRecord resident, PreviousVersion replaces, DirectoryClient directory) {
        DirectoryCheckedPhysician.Result checked = DirectoryCheckedPhysician.check(resident, directory);
        return documents.dlu(checked.resident(), replaces).withDirectoryDifferences(checked.differences());
    }

    @Override
    public DocumentMetadata metadataOf(byte[] cda) {
        return metadata.documentEntry(CdaHeaderReader.read(cda), cda, Set.of());
    }

    @Override
    public GeneratedCda writeLiaisonLetter(LiaisonLetter letter, PreviousVersion replaces) {
        return documents.liaisonLetter(letter, replaces);
    }

    // ---------------------------------------------------------------- synchronous

    @Override
    public DmpPatientStatus testExistence(PersonIdentity person) {
        Ins ins = IdentityGuard.requireQualified(person, "DMP existence test");
        return context.requests().invoke(DmpRequests.EXISTENCE, new ForStructure<>(settings.finess().value(), ins));
    }

    @Override
    public List<DmpDocumentEntry> search(DmpSearch search) {
        Ins ins = IdentityGuard.requireQualified(search.person(), "DMP search");
        List<DmpDocumentEntry> found = context.requests().invoke(DmpRequests.FIND,
                new ForStructure<>(settings.finess().value(), new DmpRequests.Find(ins, search.statuses())));
        return found.stream().filter(e -> search.typeCodes().isEmpty() || search.typeCodes().contains(e.typeCode().code())).toList();
    }

    @Override
    public RetrievedDocument retrieve(PersonIdentity person, String uniqueId) {
        Ins ins = IdentityGuard.requireQualified(person, "DMP retrieval");
        return context.requests().invoke(DmpRequests.RETRIEVE,
                new ForStructure<>(settings.finess().value(), new DmpRequests.Retrieval(ins, uniqueId)));
    }

    // ---------------------------------------------------------------- journaled

    @Override
    public OperationReceipt deposit(DmpDeposit deposit) {
        Prepared prepared = prepare(deposit);
        if (prepared.header().replaces().isPresent()) {
            throw new InvalidInputException(DmpErrorCode.REPLACE_TARGET, "relatedDocument",
                    "this CDA replaces " + prepared.header().replacedUniqueId() + ": use replace(), which finds the document to replace");
        }
        return journal(UsageKinds.DMP_DEPOSIT, prepared, deposit, Map.of());
    }

    @Override
    public OperationReceipt replace(DmpDeposit deposit, String previousUniqueId) {
        Prepared prepared = prepare(deposit);
        if (!previousUniqueId.equals(prepared.header().replacedUniqueId())) {
            throw new InvalidInputException(DmpErrorCode.REPLACE_TARGET, "relatedDocument[@typeCode='RPLC']/parentDocument/id",
                    "the replacing CDA names the document it replaces, " + previousUniqueId + "; it names " + prepared.header().replacedUniqueId());
        }
        return journal(UsageKinds.DMP_REPLACE, prepared, deposit, Map.of("replaces", previousUniqueId));
    }

    @Override
    public OperationReceipt changeStatus(PersonIdentity person, String uniqueId, DocumentAvailability newStatus) {
        Ins ins = IdentityGuard.requireQualified(person, "DMP status change");
        if (newStatus != DocumentAvailability.DELETED && newStatus != DocumentAvailability.ARCHIVED && newStatus != DocumentAvailability.APPROVED) {
            throw new InvalidInputException(DmpErrorCode.REGISTRY_ERROR, "newStatus", "a DUI sets a document DELETED, ARCHIVED or back to APPROVED (unarchive)");
        }
        return context.outbox().accept(new OutboundRequest(STATUS_KIND, STATUS_KIND + ":" + uniqueId + ":" + newStatus + ":" + UUID.randomUUID(),
                settings.finess().value(), "software", ins.matricule(), "text/plain", uniqueId.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("status", newStatus.name(), "insKind", ins.kind().name())));
    }

    @Override
    public OperationReceipt changeVisibility(PersonIdentity person, String uniqueId, Set<Visibility> visibility) {
        Ins ins = IdentityGuard.requireQualified(person, "DMP visibility change");
        String codes = visibility.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return context.outbox().accept(new OutboundRequest(VISIBILITY_KIND, VISIBILITY_KIND + ":" + uniqueId + ":" + UUID.randomUUID(),
                settings.finess().value(), "software", ins.matricule(), "text/plain", uniqueId.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("visibility", codes, "insKind", ins.kind().name())));
    }

    private record Prepared(Ins ins, CdaHeader header, DocumentMetadata entry) {
    }

    /** Every local check of a deposit, in the order that gives the most useful first refusal. */
    private Prepared prepare(DmpDeposit deposit) {
        Ins ins = IdentityGuard.requireQualified(deposit.person(), "DMP deposit");
        if (deposit.nonOpposition() == null) {
            throw new IdentityRefusedException(DmpErrorCode.NON_OPPOSITION, "nonOpposition",
                    "the person's non-opposition to feeding the DMP has not been recorded");
        }
        if (deposit.nonOpposition().opposed()) {
            throw new IdentityRefusedException(DmpErrorCode.NON_OPPOSITION, "nonOpposition",
                    "the person objected to feeding the DMP (recorded " + deposit.nonOpposition().recordedAt() + ")");
        }
        byte[] cda = deposit.cda();
        CdaHeader header = acceptedHeaders.read(cda);
        if (!header.patientIns().matricule().equals(ins.matricule()) || header.patientIns().kind() != ins.kind()) {
            throw new IdentityRefusedException(DmpErrorCode.INS_MISMATCH, "recordTarget/patientRole/id",
                    "the CDA is about another INS than the person the deposit is for");
        }
        DocumentMetadata entry = metadata.documentEntry(header, cda, deposit.visibility());
        if (!header.authorInstitution().equals(settings.finess())) {
            throw new InvalidInputException(DmpErrorCode.AUTHOR_INSTITUTION, "author/…/representedOrganization/id",
                    "the authoring structure " + header.authorInstitution() + " is not the structure the VIHF authenticates ("
                            + settings.finess() + "): the DMP refuses it (EX_2.1-1140)");
        }
        return new Prepared(ins, header, entry);
    }

    private OperationReceipt journal(String kind, Prepared prepared, DmpDeposit deposit, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>(extra);
        attributes.put("visibility", deposit.visibility().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        return context.outbox().accept(new OutboundRequest(kind, prepared.entry().uniqueId(), settings.finess().value(),
                prepared.header().author().nationalId(), prepared.ins().matricule(), "text/xml", deposit.cda(), attributes));
    }

    // ---------------------------------------------------------------- delivery (from the journal, by the core's delivery route)

    /** Delivers one journaled operation; throws typed errors (retryable ones are retried by the core). */
    public DeliveryOutcome deliver(JournaledOperation operation, DmpGateway gateway) {
        return switch (operation.kind()) {
            case UsageKinds.DMP_DEPOSIT, UsageKinds.DMP_REPLACE -> deliverDocument(operation, gateway);
            case STATUS_KIND -> deliverStatus(operation, gateway);
            case VISIBILITY_KIND -> deliverVisibility(operation, gateway);
            default -> throw new IllegalStateException("no DMP delivery for " + operation.kind());
        };
    }

    private DeliveryOutcome deliverDocument(JournaledOperation operation, DmpGateway gateway) {
        byte[] cda = operation.payload();
        CdaHeader header = acceptedHeaders.take(cda);
        Ins ins = header.patientIns();
        Set<Visibility> visibility = visibility(operation.attributes().get("visibility"));
        DocumentSubmissions.Submission submission;
        DmpGateway.Request request;
        if (operation.attributes().containsKey("replaces")) {
            requireFeedable(gateway.testExistence(ins));
            java.util.Optional<DmpGateway.Found> approved = gateway.getDocument(ins, operation.attributes().get("replaces"))
                    .filter(f -> f.entry().status() == DocumentAvailability.APPROVED);
            if (approved.isEmpty() && operation.attempt() > 1 && registeredAlready(gateway, ins, operation.idempotencyKey(), fr.duiconnect.dmp.xds.DmpMetadataFactory.sha1(cda))) {
                // an earlier attempt registered the replacement (which deprecated its target) and its answer was lost
                return DeliveryOutcome.acked(operation.idempotencyKey());
            }
            DmpGateway.Found previous = approved.orElseThrow(() -> new InvalidInputException(DmpErrorCode.REPLACE_TARGET, "replaces",
                    "no approved document " + operation.attributes().get("replaces") + " in this person's DMP"));
            submission = submissions.of(cda, header, visibility, previous.entry().entryUuid());
            request = gateway.provideAndRegisterRequest(ins, submission.submission(), submission.contentByEntryUuid());
        } else {
            // the ITI-41 (submission set signed, VIHF signed, MTOM) is built while the TD0.2 travels and the DMP
            // answers it; it is sent only once the TD0.2 says the DMP can be fed, and a TD0.2 refusal still wins
            DmpGateway.PendingExistence existence = gateway.startExistenceTest(ins);
            try {
                submission = submissions.of(cda, header, visibility, null);
                request = gateway.provideAndRegisterRequest(ins, submission.submission(), submission.contentByEntryUuid());
            } catch (RuntimeException buildFailed) {
                requireFeedable(existence.status());
                throw buildFailed;
            }
            requireFeedable(existence.status());
        }
        DocumentMetadata entry = submission.entry();
        try {
            gateway.provideAndRegister(request);
        } catch (RemoteServiceException e) {
            if (e.errorCode() == DmpErrorCode.DUPLICATE_UNIQUE_ID && operation.attempt() > 1 && registeredAlready(gateway, ins, entry.uniqueId(), entry.hash())) {
                // an earlier attempt reached the registry but its answer was lost: delivered once, not twice
                return DeliveryOutcome.acked(entry.uniqueId());
            }
            throw e;
        }
        return DeliveryOutcome.acked(entry.uniqueId());
    }

    /** The document with this uniqueId is in the DMP with this content (its registered hash is the content's SHA-1). */
    private static boolean registeredAlready(DmpGateway gateway, Ins ins, String uniqueId, String hash) {
        return gateway.getDocument(ins, uniqueId).map(f -> hash.equalsIgnoreCase(f.entry().hash())).orElse(false);
    }

    private DeliveryOutcome deliverStatus(JournaledOperation operation, DmpGateway gateway) {
        Ins ins = insOf(operation);
        String uniqueId = new String(operation.payload(), java.nio.charset.StandardCharsets.UTF_8);
        DocumentAvailability target = DocumentAvailability.valueOf(operation.attributes().get("status"));
        DmpGateway.Found found = gateway.getDocument(ins, uniqueId)
                .orElseThrow(() -> new InvalidInputException(DmpErrorCode.DOCUMENT_NOT_FOUND, "uniqueId", "no document " + uniqueId + " in this person's DMP"));
        if (found.entry().status() == target) {
            return DeliveryOutcome.acked(uniqueId);   // already so: a retried update that had reached the registry
        }
        DocumentMetadata current = fr.duiconnect.core.xds.XdsMetadataReader.documentEntry(found.extrinsicObject());
        Document update = XdsMetadataWriter.writeSubmissionSetOnly(metadata.submissionSet(current, XdsUniqueIds.random(), context.clock().instant()));
        DmpMessages.statusUpdate(registryObjectList(update), XdsMetadataWriter.SUBMISSION_SET_ID, found.entry().entryUuid(), found.entry().status(), target);
        gateway.updateDocumentSet(ins, update);
        return DeliveryOutcome.acked(uniqueId);
    }

    private DeliveryOutcome deliverVisibility(JournaledOperation operation, DmpGateway gateway) {
        Ins ins = insOf(operation);
        String uniqueId = new String(operation.payload(), java.nio.charset.StandardCharsets.UTF_8);
        Set<Visibility> visibility = visibility(operation.attributes().get("visibility"));
        DmpGateway.Found found = gateway.getDocument(ins, uniqueId)
                .orElseThrow(() -> new InvalidInputException(DmpErrorCode.DOCUMENT_NOT_FOUND, "uniqueId", "no document " + uniqueId + " in this person's DMP"));
        DocumentMetadata current = fr.duiconnect.core.xds.XdsMetadataReader.documentEntry(found.extrinsicObject());
        List<Code> codes = new ArrayList<>(current.confidentialityCodes().stream()
                .filter(c -> !Visibility.CODE_SYSTEM.equals(c.codeSystem())).toList());
        visibility.stream().sorted().forEach(v -> codes.add(new Code(v.name(), Visibility.CODE_SYSTEM, v.displayName())));
        DocumentMetadata updated = current.toBuilder().confidentialityCodes(codes).build();
        XdsDocument newVersion = XdsDocument.of(updated);
        Document update = XdsMetadataWriter.write(new XdsSubmission(
                metadata.submissionSet(updated, XdsUniqueIds.random(), context.clock().instant()), List.of(newVersion)));
        // ITI-57 metadata update: the new version shares the logical id and names the version it supersedes
        Element object = (Element) update.getElementsByTagNameNS(fr.duiconnect.dmp.soap.DmpSoap.RIM, "ExtrinsicObject").item(0);
        String logicalId = found.extrinsicObject().hasAttribute("lid") ? found.extrinsicObject().getAttribute("lid") : found.entry().entryUuid();
        object.setAttribute("lid", logicalId);
        Element hasMember = (Element) update.getElementsByTagNameNS(fr.duiconnect.dmp.soap.DmpSoap.RIM, "Association").item(0);
        String version = fr.duiconnect.dmp.soap.DmpSoap.first(found.extrinsicObject(), fr.duiconnect.dmp.soap.DmpSoap.RIM, "VersionInfo")
                .map(v -> v.getAttribute("versionName")).filter(v -> !v.isEmpty()).orElse("1");
        DmpMessages.slot(hasMember, "PreviousVersion", version);
        gateway.updateDocumentSet(ins, update);
        return DeliveryOutcome.acked(uniqueId);
    }

    private static Element registryObjectList(Document request) {
        return (Element) request.getElementsByTagNameNS(fr.duiconnect.dmp.soap.DmpSoap.RIM, "RegistryObjectList").item(0);
    }

    private static Ins insOf(JournaledOperation operation) {
        return Ins.parse(operation.person(), InsKind.valueOf(operation.attributes().get("insKind")));
    }

    private static void requireFeedable(DmpPatientStatus status) {
        switch (status.state()) {
            case ABSENT -> throw new RemoteServiceException(DmpErrorCode.DMP_ABSENT, "NF", "the person has no DMP: nothing can be deposited");
            case CLOSED -> throw new RemoteServiceException(DmpErrorCode.DMP_CLOSED, "CLOSED", "the person's DMP is closed"
                    + status.closure().map(d -> " since " + d).orElse(""));
            default -> { }
        }
    }

    private static Set<Visibility> visibility(String codes) {
        if (codes == null || codes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(codes.split(",")).map(Visibility::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Visibility.class)));
    }
}
