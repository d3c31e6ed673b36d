package fr.duiconnect.dmp.transaction;

import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpPatientStatus;
import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.Hl7Formats;
import fr.duiconnect.core.xds.XdsMetadataReader;
import fr.duiconnect.dmp.DmpErrorCode;
import fr.duiconnect.dmp.soap.DmpSoap;
import org.w3c.dom.Element;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static fr.duiconnect.dmp.soap.DmpSoap.child;
import static fr.duiconnect.dmp.soap.DmpSoap.first;

/**
 * The bodies of the DMP transactions the client sends, and the readers of what the DMP answers. Camel-free;
 * the DMP simulator reads the same messages with the same vocabulary.
 */
public final class DmpMessages {

    public static final String HL7 = "urn:hl7-org:v3";

    private DmpMessages() {
    }

    /** TD0.2: PRPA_IN201307UV02 (Patient Registry Get Demographics Query) with reasonCode TEST_EXST. */
    public static void existenceQuery(Element body, Ins ins, String senderOid) {
        Element query = child(body, HL7, "PRPA_IN201307UV02", null);
        query.setAttribute("ITSVersion", "XML_1.0");
        child(query, HL7, "id", null).setAttribute("root", UUID.randomUUID().toString());
        child(query, HL7, "creationTime", null).setAttribute("value",
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
        child(query, HL7, "interactionId", null).setAttribute("root", "2.16.840.1.113883.1.6");
        child(query, HL7, "processingCode", null).setAttribute("code", "P");
        child(query, HL7, "processingModeCode", null).setAttribute("code", "T");
        child(query, HL7, "acceptAckCode", null).setAttribute("code", "AL");
        Element receiver = child(child(query, HL7, "receiver", null), HL7, "device", null);
        child(receiver, HL7, "id", null).setAttribute("root", DmpActions.DMP_DEVICE);
        child(receiver, HL7, "softwareName", "DMP");
        Element sender = child(child(query, HL7, "sender", null), HL7, "device", null);
        child(sender, HL7, "id", null).setAttribute("root", senderOid);
        Element control = child(query, HL7, "controlActProcess", null);
        control.setAttribute("classCode", "CACT");
        control.setAttribute("moodCode", "EVN");
        Element reason = child(control, HL7, "reasonCode", null);
        reason.setAttribute("code", DmpActions.TEST_EXISTENCE);
        reason.setAttribute("codeSystem", DmpActions.REASON_SYSTEM);
        Element parameters = child(child(control, HL7, "queryByParameter", null), HL7, "parameterList", null);
        Element identifier = child(parameters, HL7, "patientIdentifier", null);
        Element id = child(identifier, HL7, "value", null);
        id.setAttribute("root", ins.oid());
        id.setAttribute("extension", ins.matricule());
        child(identifier, HL7, "semanticsText", "Patient.id");
    }

    /**
     * TD0.2 answer: queryResponseCode NF → no DMP; OK → the patient's statusCode, "active" or "terminated" with
     * the closure date in effectiveTime/high. The closed-DMP encoding is UNCONFIRMED (SEL-MP-037 is not public;
     * PDSM4DMP lists "statut du DMP, date et motif de fermeture" among TD0.2's outputs).
     */
    public static DmpPatientStatus existenceAnswer(Element answer, Ins ins) {
        Element control = first(answer, HL7, "controlActProcess").orElseThrow(() -> malformed("controlActProcess"));
        String response = first(control, HL7, "queryAck").flatMap(a -> first(a, HL7, "queryResponseCode"))
                .map(c -> c.getAttribute("code")).orElseThrow(() -> malformed("queryAck/queryResponseCode"));
        if ("NF".equals(response)) {
            return new DmpPatientStatus(ins, DmpPatientStatus.DmpState.ABSENT, null);
        }
        if (!"OK".equals(response)) {
            throw new InvalidInputException(DmpErrorCode.MALFORMED_ANSWER, "queryResponseCode", "OK or NF, not " + response);
        }
        Optional<Element> patient = first(control, HL7, "subject").flatMap(s -> first(s, HL7, "registrationEvent"))
                .flatMap(r -> first(r, HL7, "subject1")).flatMap(s -> first(s, HL7, "patient"));
        String status = patient.flatMap(p -> first(p, HL7, "statusCode")).map(s -> s.getAttribute("code")).orElse("active");
        if ("terminated".equals(status)) {
            LocalDate closed = patient.flatMap(p -> first(p, HL7, "effectiveTime")).flatMap(t -> first(t, HL7, "high"))
                    .map(h -> LocalDate.parse(h.getAttribute("value").substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE)).orElse(null);
            return new DmpPatientStatus(ins, DmpPatientStatus.DmpState.CLOSED, closed);
        }
        return new DmpPatientStatus(ins, DmpPatientStatus.DmpState.OPEN, null);
    }

    /** ITI-18 AdhocQueryRequest, LeafClass: FindDocuments by patient and statuses. */
    public static void findDocuments(Element body, Ins ins, Collection<DocumentAvailability> statuses) {
        Element query = adhocQuery(body, DmpActions.FIND_DOCUMENTS);
        slot(query, "$XDSDocumentEntryPatientId", "'" + Hl7Formats.cx(ins) + "'");
        slot(query, "$XDSDocumentEntryStatus", "(" + statuses.stream().map(s -> "'" + s.urn() + "'").sorted().collect(Collectors.joining(",")) + ")");
    }

    /** ITI-18 AdhocQueryRequest, LeafClass: GetDocuments by uniqueId. */
    public static void getDocuments(Element body, String uniqueId) {
        Element query = adhocQuery(body, DmpActions.GET_DOCUMENTS);
        slot(query, "$XDSDocumentEntryUniqueId", "('" + uniqueId + "')");
    }

    private static Element adhocQuery(Element body, String id) {
        Element request = child(body, DmpSoap.QUERY, "query:AdhocQueryRequest", null);
        request.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:rim", DmpSoap.RIM);
        Element option = child(request, DmpSoap.RIM, "rim:ResponseOption", null);
        option.setAttribute("returnComposedObjects", "true");
        option.setAttribute("returnType", "LeafClass");
        Element query = child(request, DmpSoap.RIM, "rim:AdhocQuery", null);
        query.setAttribute("id", id);
        return query;
    }

    public static void slot(Element parent, String name, String value) {
        Element slot = child(parent, DmpSoap.RIM, "rim:Slot", null);
        slot.setAttribute("name", name);
        child(child(slot, DmpSoap.RIM, "rim:ValueList", null), DmpSoap.RIM, "rim:Value", value);
    }

    /** The document entries of an AdhocQueryResponse (after its status was checked). */
    public static List<DmpDocumentEntry> entries(Element response) {
        DmpSoap.requireSuccess(response);
        List<DmpDocumentEntry> entries = new ArrayList<>();
        first(response, DmpSoap.RIM, "RegistryObjectList").ifPresent(list -> {
            for (Element object : DmpSoap.all(list, DmpSoap.RIM, "ExtrinsicObject")) {
                entries.add(entry(object));
            }
        });
        return entries;
    }

    public static DmpDocumentEntry entry(Element object) {
        DocumentMetadata m = XdsMetadataReader.documentEntry(object);
        String repository = DmpSoap.all(object, DmpSoap.RIM, "Slot").stream()
                .filter(s -> "repositoryUniqueId".equals(s.getAttribute("name")))
                .map(s -> s.getTextContent().trim()).findFirst().orElse(null);
        DocumentAvailability status = DocumentAvailability.fromUrn(object.getAttribute("status")).orElse(DocumentAvailability.APPROVED);
        return new DmpDocumentEntry(m.uniqueId(), object.getAttribute("id"), repository, m.title(), m.typeCode(), m.classCode(),
                m.creationTime(), status, m.confidentialityCodes(), m.author().institution().finessGeographique().value(),
                m.hash(), m.size(), m.mimeType());
    }

    /** ITI-43 RetrieveDocumentSetRequest for one document. */
    public static void retrieve(Element body, String repositoryUniqueId, String uniqueId) {
        Element request = child(child(body, DmpSoap.XDSB, "xdsb:RetrieveDocumentSetRequest", null), DmpSoap.XDSB, "xdsb:DocumentRequest", null);
        child(request, DmpSoap.XDSB, "xdsb:RepositoryUniqueId", repositoryUniqueId);
        child(request, DmpSoap.XDSB, "xdsb:DocumentUniqueId", uniqueId);
    }

    /** ITI-57 status change: an UpdateAvailabilityStatus association from the submission set to the entry. */
    public static Element statusUpdate(Element submitObjectsList, String setId, String entryUuid, DocumentAvailability from, DocumentAvailability to) {
        Element association = child(submitObjectsList, DmpSoap.RIM, "rim:Association", null);
        association.setAttribute("id", "urn:uuid:" + UUID.randomUUID());
        association.setAttribute("associationType", DmpActions.UPDATE_AVAILABILITY_STATUS);
        association.setAttribute("objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association");
        association.setAttribute("sourceObject", setId);
        association.setAttribute("targetObject", entryUuid);
        slot(association, "OriginalStatus", from.urn());
        slot(association, "NewStatus", to.urn());
        return association;
    }

    public static Code code(String code, String system, String display) {
        return new Code(code, system, display);
    }

    private static InvalidInputException malformed(String element) {
        return new InvalidInputException(DmpErrorCode.MALFORMED_ANSWER, element, "is missing from the TD0.2 answer");
    }
}
