package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.dmp.Visibility;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.xds.ClassCodes;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.XdsDocument;
import fr.duiconnect.core.xds.XdsMetadataReader;
import fr.duiconnect.core.xds.XdsMetadataWriter;
import fr.duiconnect.core.xds.XdsSubmission;
import fr.duiconnect.core.xds.XdsUniqueIds;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.dmp.security.SubmissionSetSignatureVerifier;
import fr.duiconnect.dmp.security.VihfVerifier;
import fr.duiconnect.dmp.soap.DmpSoap;
import fr.duiconnect.dmp.soap.MtomPackage;
import fr.duiconnect.dmp.transaction.DmpActions;
import fr.duiconnect.dmp.transaction.DmpMessages;
import fr.duiconnect.dmp.xds.DmpCodes;
import fr.duiconnect.dmp.xds.DmpMetadataFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static fr.duiconnect.dmp.soap.DmpSoap.child;
import static fr.duiconnect.dmp.soap.DmpSoap.first;

/**
 * The behaviour of the simulated DMP: checks each request the way the DMP does (SOAP 1.2, WS-Addressing action,
 * signed VIHF with its mandatory attributes, structure = authorInstitution, metadata rules, hash and size, the
 * XAdES-signed submission set) and answers with the XDS error codes a registry returns. Thread-safe.
 */
final class DmpResponder {

    static final String REPOSITORY_ID = "1.2.250.1.213.1.1.9.99.1";
    private static final Set<String> INS_OIDS = Set.of(InsKind.NIR.oid(), InsKind.NIA.oid(), InsKind.NIR_TEST.oid(), InsKind.NIR_DEMO.oid());

    private final DmpStore store = new DmpStore();
    private final VihfVerifier vihf;
    private final SubmissionSetSignatureVerifier signatures;
    private final Clock clock;
    final DmpContentCheck content;
    final AtomicLong registered = new AtomicLong();
    final AtomicLong duplicatesRefused = new AtomicLong();

    DmpResponder(List<X509Certificate> anchors, Clock clock, DmpContentCheck content) {
        this.vihf = new VihfVerifier(anchors);
        this.signatures = new SubmissionSetSignatureVerifier(anchors);
        this.clock = clock;
        this.content = content;
    }

    DmpStore store() {
        return store;
    }

    /** A reply: HTTP status, content type and body. */
    record Reply(int status, String contentType, byte[] body) {
    }

    /** A registry refusal, answered as an rs:RegistryResponse with status Failure. */
    static final class Refusal extends Exception {
        final String errorCode;

        Refusal(String errorCode, String context) {
            super(context);
            this.errorCode = errorCode;
        }
    }

    /** Legal entities (FINESS EJ) by structure (FINESS géographique): since 2023 the DMP certificates are the EJ's. */
    private final Map<String, String> legalEntities = new java.util.concurrent.ConcurrentHashMap<>();

    void legalEntity(String finessGeographique, String finessJuridique) {
        legalEntities.put(finessGeographique, finessJuridique);
    }

    Reply answer(String service, String contentType, byte[] body) {
        return answer(service, contentType, body, null);
    }

    /**
     * @param tlsClient the certificate the client authenticated with: it and the VIHF's signer must be the structure's
     *                  the VIHF names (its FINESS géographique, or its FINESS juridique), or the request is refused
     */
    Reply answer(String service, String contentType, byte[] body, java.security.cert.X509Certificate tlsClient) {
        MtomPackage.Decoded message;
        Document envelope;
        try {
            message = MtomPackage.read(body, contentType, 16);
            envelope = SecureXml.parse(message.envelope(), "SOAP request");
        } catch (DuiConnectException e) {
            return fault("soap:Sender", "env:MalformedRequest", "malformed SOAP/MTOM request: " + e.getMessage());
        }
        Element root = envelope.getDocumentElement();
        if (!DmpSoap.SOAP12.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            return fault("soap:Sender", "env:VersionMismatch", "a SOAP 1.2 envelope is required");
        }
        Optional<Element> header = first(root, DmpSoap.SOAP12, "Header");
        String action = header.flatMap(h -> first(h, DmpSoap.WSA, "Action")).map(e -> e.getTextContent().trim()).orElse("");
        Optional<Element> assertion = header.flatMap(h -> first(h, DmpSoap.WSSE, "Security")).flatMap(DmpSoap::firstElement);
        if (assertion.isEmpty()) {
            return fault("soap:Sender", "wsse:InvalidSecurity", "no VIHF in wsse:Security");
        }
        VihfVerifier.Claims claims;
        try {
            claims = vihf.verify(assertion.get(), clock.instant());
        } catch (VihfVerifier.VihfRefusal refusal) {
            return fault("soap:Sender", "wsse:FailedAuthentication", "VIHF refusé : " + refusal.getMessage());
        }
        Optional<String> impersonation = impersonation(claims, tlsClient);
        if (impersonation.isPresent()) {
            return fault("soap:Sender", "wsse:FailedAuthentication", impersonation.get());
        }
        Element payload = first(root, DmpSoap.SOAP12, "Body").flatMap(DmpSoap::firstElement).orElse(null);
        if (payload == null) {
            return fault("soap:Sender", "env:MalformedRequest", "empty body");
        }
        try {
            return switch (service + " " + action) {
                case "patients " + DmpActions.TD02 -> existence(payload);
                case "repository " + DmpActions.ITI41 -> provideAndRegister(payload, message, claims);
                case "registry " + DmpActions.ITI18 -> query(payload, claims);
                case "repository " + DmpActions.ITI43 -> retrieve(payload, claims);
                case "registry " + DmpActions.ITI57 -> update(payload, claims);
                default -> fault("soap:Sender", "wsa:ActionNotSupported", "action " + action + " is not served at /" + service);
            };
        } catch (Refusal refusal) {
            return registryResponse(refusal.errorCode, refusal.getMessage());
        } catch (DuiConnectException e) {
            return registryResponse("XDSRegistryMetadataError", e.getMessage());
        }
    }

    /** Whether the TLS certificate or the VIHF signer belongs to another structure than the VIHF's Identifiant_Structure. */
    private Optional<String> impersonation(VihfVerifier.Claims claims, java.security.cert.X509Certificate tlsClient) {
        String structureId = claims.get("Identifiant_Structure");
        if (structureId == null || !structureId.startsWith("1")) {
            return Optional.empty();   // the mandatory-attribute checks report it
        }
        String structure = structureId.substring(1);
        java.util.Set<String> own = new java.util.HashSet<>(java.util.List.of(structure));
        Optional.ofNullable(legalEntities.get(structure)).ifPresent(own::add);
        for (var certificate : java.util.Arrays.asList(tlsClient, claims.signer())) {
            Optional<String> holder = fr.duiconnect.harness.pki.StructureCertificates.finessOf(certificate);
            if (holder.isPresent() && !own.contains(holder.get())) {
                return Optional.of("la structure authentifiée (" + (certificate == tlsClient ? "certificat TLS" : "signature du VIHF")
                        + ", FINESS " + holder.get() + ") n'est pas la structure du VIHF (Identifiant_Structure " + structureId + ")");
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ TD0.2

    private Reply existence(Element query) throws Refusal {
        Element value = descendant(query, "patientIdentifier").flatMap(p -> first(p, DmpMessages.HL7, "value"))
                .orElseThrow(() -> new Refusal("XDSRegistryError", "TD0.2 without patientIdentifier/value"));
        String matricule = value.getAttribute("extension");
        Document envelope = DmpSoap.envelope("urn:hl7-org:v3:PRPA_IN201308UV02", java.net.URI.create("http://www.w3.org/2005/08/addressing/anonymous"));
        Element answer = child(DmpSoap.body(envelope), DmpMessages.HL7, "PRPA_IN201308UV02", null);
        Element control = child(answer, DmpMessages.HL7, "controlActProcess", null);
        boolean exists = DmpPersonas.hasDmp(matricule);
        child(child(control, DmpMessages.HL7, "queryAck", null), DmpMessages.HL7, "queryResponseCode", null).setAttribute("code", exists ? "OK" : "NF");
        if (exists) {
            Element patient = child(child(child(child(control, DmpMessages.HL7, "subject", null), DmpMessages.HL7, "registrationEvent", null),
                    DmpMessages.HL7, "subject1", null), DmpMessages.HL7, "patient", null);
            Element id = child(patient, DmpMessages.HL7, "id", null);
            id.setAttribute("root", value.getAttribute("root"));
            id.setAttribute("extension", matricule);
            Optional<java.time.LocalDate> closed = DmpPersonas.closedOn(matricule);
            child(patient, DmpMessages.HL7, "statusCode", null).setAttribute("code", closed.isPresent() ? "terminated" : "active");
            closed.ifPresent(date -> child(child(patient, DmpMessages.HL7, "effectiveTime", null), DmpMessages.HL7, "high", null)
                    .setAttribute("value", date.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)));
        }
        return soap(envelope);
    }

    // ------------------------------------------------------------------ ITI-41

    private Reply provideAndRegister(Element request, MtomPackage.Decoded message, VihfVerifier.Claims claims) throws Refusal {
        Element submit = first(request, DmpSoap.LCM, "SubmitObjectsRequest")
                .orElseThrow(() -> new Refusal("XDSRegistryMetadataError", "no lcm:SubmitObjectsRequest"));
        XdsSubmission submission = XdsMetadataReader.read(submit);
        Map<String, byte[]> contents = new HashMap<>();
        for (Element document : DmpSoap.all(request, DmpSoap.XDSB, "Document")) {
            byte[] bytes = first(document, MtomPackage.XOP, "Include").map(i -> message.part(i.getAttribute("href")).content())
                    .orElseGet(() -> java.util.Base64.getMimeDecoder().decode(document.getTextContent().trim()));
            contents.put(document.getAttribute("id"), bytes);
        }
        String setPatient = submission.submissionSet().patientId().asXdsPatientId();
        Ins ins = submission.submissionSet().patientId();
        if (!INS_OIDS.contains(ins.oid())) {
            throw new Refusal("XDSUnknownPatientId", "patientId " + ins.oid() + " is not an INS authority");
        }
        if (!DmpPersonas.hasDmp(ins.matricule())) {
            throw new Refusal("XDSUnknownPatientId", "le patient n'a pas de DMP");
        }
        if (DmpPersonas.closedOn(ins.matricule()).isPresent()) {
            throw new Refusal("XDSUnknownPatientId", "le DMP du patient est fermé");
        }
        if (!setPatient.equals(claims.get(fr.duiconnect.dmp.security.VihfAssertion.RESOURCE_ID))) {
            throw new Refusal("XDSPatientIdDoesNotMatch", "the VIHF resource-id is not the submission's patientId");
        }
        XdsDocument signature = null;
        Map<String, byte[]> signedDocuments = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (XdsDocument document : submission.documents()) {
            DocumentMetadata m = document.metadata();
            byte[] content = contents.get(document.entryUuid());
            if (content == null) {
                throw new Refusal("XDSMissingDocument", "no xdsb:Document for " + document.entryUuid());
            }
            if (!m.patientId().asXdsPatientId().equals(setPatient)) {
                throw new Refusal("XDSPatientIdDoesNotMatch", "document " + m.uniqueId() + " has another patientId than the submission set");
            }
            if (m.hash() != null && !m.hash().equalsIgnoreCase(DmpMetadataFactory.sha1(content))) {
                throw new Refusal("XDSNonIdenticalHash", "hash of " + m.uniqueId() + " differs from the document's SHA-1");
            }
            if (m.size() != content.length) {
                throw new Refusal("XDSNonIdenticalSize", "size of " + m.uniqueId() + " is " + m.size() + ", the document has " + content.length + " bytes");
            }
            if (!m.uniqueId().matches("[0-2](\\.(0|[1-9]\\d*))+") || m.uniqueId().length() > XdsUniqueIds.MAX_LENGTH) {
                throw new Refusal("XDSRegistryMetadataError", "uniqueId " + m.uniqueId() + " is not an OID of at most 64 characters (EX_2.1-1130)");
            }
            if (store.byUniqueId(m.uniqueId()).isPresent()) {
                duplicatesRefused.incrementAndGet();
                throw new Refusal("XDSDuplicateUniqueIdInRegistry", "uniqueId " + m.uniqueId() + " is already registered");
            }
            if (DmpCodes.SIGNATURE_CLASS.code().equals(m.classCode().code())) {
                signature = document;
                continue;
            }
            checkCodes(m);
            warnings.addAll(this.content.check(m.uniqueId(), content));
            if (!m.author().institution().finessGeographique().asStructureNationalId().equals(claims.get("Identifiant_Structure"))) {
                throw new Refusal("XDSRegistryMetadataError", "Aucun AuthorInstitution ne correspond à l'utilisateur du VIHF (EX_2.1-1140)");
            }
            signedDocuments.put(m.uniqueId(), content);
        }
        if (signature == null || !signsAssociation(submit, signature.entryUuid())) {
            throw new Refusal("XDSRegistryMetadataError", "le lot de soumission n'est pas signé (signature entry with a signs association)");
        }
        try {
            signatures.verify(contents.get(signature.entryUuid()), signedDocuments);
        } catch (VihfVerifier.VihfRefusal refusal) {
            throw new Refusal("XDSRegistryMetadataError", "signature du lot de soumission invalide : " + refusal.getMessage());
        }
        // The registry's unique index: the uniqueIds are checked again and registered in one step, so that two
        // submissions of one document that passed the checks above at the same time (a retry racing a first attempt
        // still being validated) leave one entry, the second refused as a duplicate.
        synchronized (store) {
            for (XdsDocument document : submission.documents()) {
                if (document != signature && store.byUniqueId(document.metadata().uniqueId()).isPresent()) {
                    duplicatesRefused.incrementAndGet();
                    throw new Refusal("XDSDuplicateUniqueIdInRegistry", "uniqueId " + document.metadata().uniqueId() + " is already registered");
                }
            }
            register(submission, signature, contents, claims, ins);
        }
        return registryResponse(null, null, warnings);
    }

    private void register(XdsSubmission submission, XdsDocument signature, Map<String, byte[]> contents, VihfVerifier.Claims claims, Ins ins)
            throws Refusal {
        for (XdsDocument document : submission.documents()) {
            if (document.replaces() != null) {
                DmpStore.Entry previous = store.byEntryUuid(document.replaces())
                        .filter(e -> e.status == DocumentAvailability.APPROVED && e.metadata.patientId().matricule().equals(ins.matricule()))
                        .orElseThrow(() -> new Refusal("XDSUnresolvedReferenceException", "RPLC target " + document.replaces() + " is not an approved document of this patient"));
                previous.status = DocumentAvailability.DEPRECATED;
            }
        }
        for (XdsDocument document : submission.documents()) {
            if (document != signature) {
                store.add(ins.matricule(), new DmpStore.Entry(document.entryUuid(), document.metadata(), submission.submissionSet(),
                        contents.get(document.entryUuid()), claims.get("Identifiant_Structure")));
                registered.incrementAndGet();
            }
        }
    }

    private static void checkCodes(DocumentMetadata m) throws Refusal {
        Optional<Code> expected = ClassCodes.forType(m.typeCode());
        if (expected.isEmpty()) {
            throw new Refusal("XDSRegistryMetadataError", "typeCode " + m.typeCode().code() + " is not in JDV_J66");
        }
        if (!expected.get().code().equals(m.classCode().code())) {
            throw new Refusal("XDSRegistryMetadataError", "classCode " + m.classCode().code() + " does not follow from typeCode "
                    + m.typeCode().code() + " (ASS_X16: " + expected.get().code() + ")");
        }
        if (!DmpCodes.isKnownFormat(m.formatCode())) {
            throw new Refusal("XDSRegistryMetadataError", "formatCode " + m.formatCode().code() + " is not in JDV_J60");
        }
        if (!DmpCodes.isFacilityType(m.healthcareFacilityTypeCode())) {
            throw new Refusal("XDSRegistryMetadataError", "healthcareFacilityTypeCode " + m.healthcareFacilityTypeCode().code() + " is not in JDV_J61");
        }
        for (Code c : m.confidentialityCodes()) {
            boolean hl7 = "2.16.840.1.113883.5.25".equals(c.codeSystem()) && Set.of("N", "R", "V").contains(c.code());
            boolean visibility = Visibility.CODE_SYSTEM.equals(c.codeSystem());
            if (!hl7 && !visibility) {
                throw new Refusal("XDSRegistryMetadataError", "confidentialityCode " + c.code() + " is not in JDV_J58");
            }
        }
    }

    private static boolean signsAssociation(Element submit, String signatureEntry) {
        return submit.getElementsByTagNameNS(DmpSoap.RIM, "Association").getLength() > 0
                && allElements(submit, "Association").stream().anyMatch(a -> "urn:ihe:iti:2007:AssociationType:signs".equals(a.getAttribute("associationType"))
                && signatureEntry.equals(a.getAttribute("sourceObject")) && XdsMetadataWriter.SUBMISSION_SET_ID.equals(a.getAttribute("targetObject")));
    }

    // ------------------------------------------------------------------ ITI-18

    private Reply query(Element request, VihfVerifier.Claims claims) throws Refusal {
        Element query = first(request, DmpSoap.RIM, "AdhocQuery").orElseThrow(() -> new Refusal("XDSRegistryError", "no rim:AdhocQuery"));
        Map<String, String> slots = slots(query);
        List<DmpStore.Entry> found = new ArrayList<>();
        switch (query.getAttribute("id")) {
            case DmpActions.FIND_DOCUMENTS -> {
                String patient = unquote(slots.getOrDefault("$XDSDocumentEntryPatientId", ""));
                if (!patient.equals(claims.get(fr.duiconnect.dmp.security.VihfAssertion.RESOURCE_ID))) {
                    throw new Refusal("XDSPatientIdDoesNotMatch", "the query's patient is not the VIHF's resource-id");
                }
                String statuses = slots.getOrDefault("$XDSDocumentEntryStatus", "");
                String matricule = patient.substring(0, patient.indexOf('^'));
                for (DmpStore.Entry entry : store.entries(matricule)) {
                    if (statuses.contains(entry.status.urn())) {
                        found.add(entry);
                    }
                }
            }
            case DmpActions.GET_DOCUMENTS -> {
                String uniqueId = unquote(slots.getOrDefault("$XDSDocumentEntryUniqueId", "").replaceAll("^\\(|\\)$", ""));
                store.byUniqueId(uniqueId)
                        .filter(e -> e.metadata.patientId().asXdsPatientId().equals(claims.get(fr.duiconnect.dmp.security.VihfAssertion.RESOURCE_ID)))
                        .ifPresent(found::add);
            }
            default -> throw new Refusal("XDSUnknownStoredQuery", "stored query " + query.getAttribute("id"));
        }
        Document envelope = DmpSoap.envelope("urn:ihe:iti:2007:RegistryStoredQueryResponse", java.net.URI.create("http://www.w3.org/2005/08/addressing/anonymous"));
        Element response = child(DmpSoap.body(envelope), DmpSoap.QUERY, "query:AdhocQueryResponse", null);
        response.setAttribute("status", DmpSoap.SUCCESS);
        Element list = child(response, DmpSoap.RIM, "rim:RegistryObjectList", null);
        for (DmpStore.Entry entry : found) {
            list.appendChild(envelope.importNode(extrinsicObject(entry), true));
        }
        return soap(envelope);
    }

    /** The entry as the registry returns it: its metadata, status, logical id, version and repository. */
    private static Element extrinsicObject(DmpStore.Entry entry) {
        XdsDocument document = new XdsDocument(entry.metadata, entry.entryUuid, null, null);
        Document written = XdsMetadataWriter.write(new XdsSubmission(entry.submissionSet, List.of(document)));
        Element object = (Element) written.getElementsByTagNameNS(DmpSoap.RIM, "ExtrinsicObject").item(0);
        object.setAttribute("status", entry.status.urn());
        object.setAttribute("lid", entry.logicalId);
        DmpMessages.slot(object, "repositoryUniqueId", REPOSITORY_ID);
        Element version = written.createElementNS(DmpSoap.RIM, "rim:VersionInfo");
        version.setAttribute("versionName", Integer.toString(entry.version));
        object.appendChild(version);
        return object;
    }

    // ------------------------------------------------------------------ ITI-43

    private Reply retrieve(Element request, VihfVerifier.Claims claims) throws Refusal {
        Element documentRequest = first(request, DmpSoap.XDSB, "DocumentRequest").orElseThrow(() -> new Refusal("XDSRepositoryError", "no DocumentRequest"));
        String repository = first(documentRequest, DmpSoap.XDSB, "RepositoryUniqueId").map(e -> e.getTextContent().trim()).orElse("");
        String uniqueId = first(documentRequest, DmpSoap.XDSB, "DocumentUniqueId").map(e -> e.getTextContent().trim()).orElse("");
        if (!REPOSITORY_ID.equals(repository)) {
            throw new Refusal("XDSUnknownRepositoryId", "repository " + repository);
        }
        DmpStore.Entry entry = store.byUniqueId(uniqueId)
                .filter(e -> e.metadata.patientId().asXdsPatientId().equals(claims.get(fr.duiconnect.dmp.security.VihfAssertion.RESOURCE_ID)))
                .orElseThrow(() -> new Refusal("XDSDocumentUniqueIdError", "no document " + uniqueId + " for this patient"));
        Document envelope = DmpSoap.envelope("urn:ihe:iti:2007:RetrieveDocumentSetResponse", java.net.URI.create("http://www.w3.org/2005/08/addressing/anonymous"));
        Element response = child(DmpSoap.body(envelope), DmpSoap.XDSB, "xdsb:RetrieveDocumentSetResponse", null);
        child(response, DmpSoap.RS, "rs:RegistryResponse", null).setAttribute("status", DmpSoap.SUCCESS);
        Element document = child(response, DmpSoap.XDSB, "xdsb:DocumentResponse", null);
        child(document, DmpSoap.XDSB, "xdsb:RepositoryUniqueId", REPOSITORY_ID);
        child(document, DmpSoap.XDSB, "xdsb:DocumentUniqueId", uniqueId);
        child(document, DmpSoap.XDSB, "xdsb:mimeType", entry.metadata.mimeType());
        String contentId = MtomPackage.newContentId();
        child(child(document, DmpSoap.XDSB, "xdsb:Document", null), MtomPackage.XOP, "xop:Include", null).setAttribute("href", "cid:" + contentId);
        MtomPackage.Encoded encoded = MtomPackage.write(DmpSoap.serialise(envelope),
                List.of(new MtomPackage.Part(contentId, entry.metadata.mimeType(), entry.content)), null);
        return new Reply(200, encoded.contentType(), encoded.body());
    }

    // ------------------------------------------------------------------ ITI-57

    private Reply update(Element submit, VihfVerifier.Claims claims) throws Refusal {
        if (!"SubmitObjectsRequest".equals(submit.getLocalName())) {
            throw new Refusal("XDSRegistryMetadataError", "ITI-57 carries an lcm:SubmitObjectsRequest");
        }
        String structure = claims.get("Identifiant_Structure");
        for (Element association : allElements(submit, "Association")) {
            if (DmpActions.UPDATE_AVAILABILITY_STATUS.equals(association.getAttribute("associationType"))) {
                Map<String, String> slots = slots(association);
                DmpStore.Entry entry = store.byEntryUuid(association.getAttribute("targetObject"))
                        .orElseThrow(() -> new Refusal("XDSUnresolvedReferenceException", "no entry " + association.getAttribute("targetObject")));
                if (!entry.authorStructureId.equals(structure)) {
                    throw new Refusal("XDSRegistryError", "seul l'auteur du document peut en changer le statut");
                }
                if (!entry.status.urn().equals(slots.get("OriginalStatus"))) {
                    throw new Refusal("XDSMetadataUpdateError", "OriginalStatus " + slots.get("OriginalStatus") + " is not the entry's status " + entry.status.urn());
                }
                entry.status = DocumentAvailability.fromUrn(slots.get("NewStatus"))
                        .orElseThrow(() -> new Refusal("XDSMetadataUpdateError", "NewStatus " + slots.get("NewStatus")));
                return registryResponse(null, null);
            }
        }
        Element object = allElements(submit, "ExtrinsicObject").stream().findFirst()
                .orElseThrow(() -> new Refusal("XDSMetadataUpdateError", "neither a status association nor a new document entry version"));
        DmpStore.Entry entry = store.byLogicalId(object.getAttribute("lid"))
                .orElseThrow(() -> new Refusal("XDSMetadataUpdateError", "no document with logical id " + object.getAttribute("lid")));
        if (!entry.authorStructureId.equals(structure)) {
            throw new Refusal("XDSRegistryError", "seul l'auteur du document peut en changer les métadonnées");
        }
        String previous = allElements(submit, "Association").stream().map(DmpResponder::slots)
                .map(s -> s.get("PreviousVersion")).filter(v -> v != null).findFirst().orElse("");
        if (!Integer.toString(entry.version).equals(previous)) {
            throw new Refusal("XDSMetadataVersionError", "PreviousVersion " + previous + " is not the current version " + entry.version);
        }
        DocumentMetadata updated = XdsMetadataReader.documentEntry(object);
        if (!updated.uniqueId().equals(entry.metadata.uniqueId()) || !updated.hash().equalsIgnoreCase(entry.metadata.hash())) {
            throw new Refusal("XDSMetadataUpdateError", "a metadata update keeps the uniqueId and the hash");
        }
        for (Code c : updated.confidentialityCodes()) {
            if (!Visibility.CODE_SYSTEM.equals(c.codeSystem()) && !"2.16.840.1.113883.5.25".equals(c.codeSystem())) {
                throw new Refusal("XDSRegistryMetadataError", "confidentialityCode " + c.code() + " is not in JDV_J58");
            }
        }
        entry.metadata = updated;
        entry.entryUuid = object.getAttribute("id");
        entry.version++;
        return registryResponse(null, null);
    }

    // ------------------------------------------------------------------ answers

    private Reply registryResponse(String errorCode, String context) {
        return registryResponse(errorCode, context, List.of());
    }

    /** Success or Failure; a success may carry warnings (RegistryError with severity Warning), as the kit's body profiles give. */
    private Reply registryResponse(String errorCode, String context, List<String> warnings) {
        Document envelope = DmpSoap.envelope("urn:ihe:iti:2007:RegistryResponse", java.net.URI.create("http://www.w3.org/2005/08/addressing/anonymous"));
        Element response = child(DmpSoap.body(envelope), DmpSoap.RS, "rs:RegistryResponse", null);
        response.setAttribute("status", errorCode == null ? DmpSoap.SUCCESS : DmpSoap.FAILURE);
        if (errorCode != null) {
            Element error = child(child(response, DmpSoap.RS, "rs:RegistryErrorList", null), DmpSoap.RS, "rs:RegistryError", null);
            error.setAttribute("errorCode", errorCode);
            error.setAttribute("codeContext", context);
            error.setAttribute("severity", "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error");
        } else if (!warnings.isEmpty()) {
            Element list = child(response, DmpSoap.RS, "rs:RegistryErrorList", null);
            for (String warning : warnings) {
                Element error = child(list, DmpSoap.RS, "rs:RegistryError", null);
                error.setAttribute("errorCode", "XDSRegistryError");
                error.setAttribute("codeContext", warning);
                error.setAttribute("severity", "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning");
            }
        }
        return soap(envelope);
    }

    static Reply fault(String code, String subcode, String reason) {
        String xml = "<soap:Envelope xmlns:soap=\"" + DmpSoap.SOAP12 + "\" xmlns:wsse=\"" + DmpSoap.WSSE + "\" xmlns:wsa=\"" + DmpSoap.WSA
                + "\" xmlns:env=\"" + DmpSoap.SOAP12 + "\"><soap:Body><soap:Fault><soap:Code><soap:Value>" + code + "</soap:Value><soap:Subcode><soap:Value>"
                + subcode + "</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">" + escape(reason)
                + "</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>";
        return new Reply(code.endsWith("Receiver") ? 500 : 400, "application/soap+xml; charset=UTF-8", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Reply soap(Document envelope) {
        return new Reply(200, "application/soap+xml; charset=UTF-8", DmpSoap.serialise(envelope));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, String> slots(Element parent) {
        Map<String, String> slots = new HashMap<>();
        for (Element slot : DmpSoap.all(parent, DmpSoap.RIM, "Slot")) {
            slots.put(slot.getAttribute("name"), slot.getTextContent().trim());
        }
        return slots;
    }

    private static String unquote(String value) {
        return value.replaceAll("^'|'$", "");
    }

    private static List<Element> allElements(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        var nodes = parent.getElementsByTagNameNS(DmpSoap.RIM, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Optional<Element> descendant(Element parent, String localName) {
        var nodes = parent.getElementsByTagNameNS(DmpMessages.HL7, localName);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of((Element) nodes.item(0));
    }

    static String newEntryUuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
