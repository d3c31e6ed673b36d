package fr.duiconnect.core.xds;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.core.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.duiconnect.core.xds.XdsVocabulary.RIM;

/**
 * The one reader of XDS metadata: parses a {@code SubmitObjectsRequest} (METADATA.XML of a received XDM archive,
 * or the metadata of an ITI-41 request in the DMP simulator) back into an {@link XdsSubmission}, with the hardened
 * parser. Anything missing or malformed is refused with the field it concerns. Stateless and thread-safe.
 */
public final class XdsMetadataReader {

    private XdsMetadataReader() {
    }

    public static XdsSubmission read(byte[] xml) {
        return read(SecureXml.parse(xml, "XDS metadata"));
    }

    public static XdsSubmission read(Document document) {
        Element root = document.getDocumentElement();
        if (!"SubmitObjectsRequest".equals(root.getLocalName())) {
            throw InvalidInputException.format("XDS metadata", "an lcm:SubmitObjectsRequest");
        }
        return read(root);
    }

    /** Reads a SubmitObjectsRequest element (e.g. inside an ITI-41 ProvideAndRegisterDocumentSetRequest). */
    public static XdsSubmission read(Element request) {
        Element list = first(request, "RegistryObjectList")
                .orElseThrow(() -> InvalidInputException.required("RegistryObjectList"));
        Map<String, String> replaces = new HashMap<>();
        for (Element association : children(list, "Association")) {
            if (XdsVocabulary.RPLC.equals(association.getAttribute("associationType"))) {
                replaces.put(association.getAttribute("sourceObject"), association.getAttribute("targetObject"));
            }
        }
        List<XdsDocument> documents = new ArrayList<>();
        for (Element object : children(list, "ExtrinsicObject")) {
            String id = object.getAttribute("id");
            documents.add(new XdsDocument(documentEntry(object), id, slot(object, "URI").orElse(null), replaces.get(id)));
        }
        Element pack = children(list, "RegistryPackage").stream().findFirst()
                .orElseThrow(() -> InvalidInputException.required("submissionSet"));
        DocumentMetadata firstDocument = documents.isEmpty() ? null : documents.get(0).metadata();
        if (firstDocument == null) {
            throw InvalidInputException.required("documentEntry");
        }
        String packId = pack.getAttribute("id");
        SubmissionSetMetadata set = new SubmissionSetMetadata(
                identifier(pack, XdsVocabulary.SET_UNIQUE_ID, "submissionSet.uniqueId"),
                identifier(pack, XdsVocabulary.SET_SOURCE_ID, "submissionSet.sourceId"),
                Hl7Formats.parseDtm(requiredSlot(pack, "submissionTime", "submissionSet.submissionTime"), "submissionSet.submissionTime"),
                name(pack).orElse(null),
                code(pack, XdsVocabulary.SET_CONTENT_TYPE_CODE, "submissionSet.contentTypeCode"),
                author(pack, XdsVocabulary.SET_AUTHOR, "submissionSet.author", firstDocument.healthcareFacilityTypeCode(),
                        firstDocument.practiceSettingCode()),
                Hl7Formats.parseCx(identifier(pack, XdsVocabulary.SET_PATIENT_ID, "submissionSet.patientId"), "submissionSet.patientId"));
        if (packId.isEmpty()) {
            throw InvalidInputException.required("submissionSet.id");
        }
        return new XdsSubmission(set, documents);
    }

    /** Reads one rim:ExtrinsicObject (a document entry), e.g. from a registry query answer. */
    public static DocumentMetadata documentEntry(Element object) {
        Code facility = code(object, XdsVocabulary.DOC_FACILITY_TYPE_CODE, "documentEntry.healthcareFacilityTypeCode");
        Code practice = code(object, XdsVocabulary.DOC_PRACTICE_SETTING_CODE, "documentEntry.practiceSettingCode");
        List<Code> confidentiality = new ArrayList<>();
        for (Element classification : classifications(object, XdsVocabulary.DOC_CONFIDENTIALITY_CODE)) {
            confidentiality.add(toCode(classification, "documentEntry.confidentialityCode"));
        }
        List<Code> events = new ArrayList<>();
        for (Element classification : classifications(object, XdsVocabulary.DOC_EVENT_CODE)) {
            events.add(toCode(classification, "documentEntry.eventCodeList"));
        }
        String size = slot(object, "size").orElse("0");
        if (!size.matches("\\d{1,18}")) {
            throw InvalidInputException.format("documentEntry.size", "a number of bytes");
        }
        return DocumentMetadata.builder()
                .uniqueId(identifier(object, XdsVocabulary.DOC_UNIQUE_ID, "documentEntry.uniqueId"))
                .title(name(object).orElseThrow(() -> InvalidInputException.required("documentEntry.title")))
                .comments(first(object, "Description").flatMap(XdsMetadataReader::localizedValue).orElse(null))
                .classCode(code(object, XdsVocabulary.DOC_CLASS_CODE, "documentEntry.classCode"))
                .typeCode(code(object, XdsVocabulary.DOC_TYPE_CODE, "documentEntry.typeCode"))
                .formatCode(code(object, XdsVocabulary.DOC_FORMAT_CODE, "documentEntry.formatCode"))
                .healthcareFacilityTypeCode(facility)
                .practiceSettingCode(practice)
                .confidentialityCodes(confidentiality)
                .eventCodes(events)
                .languageCode(requiredSlot(object, "languageCode", "documentEntry.languageCode"))
                .mimeType(object.getAttribute("mimeType"))
                .creationTime(Hl7Formats.parseDtm(requiredSlot(object, "creationTime", "documentEntry.creationTime"), "documentEntry.creationTime"))
                .serviceStartTime(slot(object, "serviceStartTime").map(v -> Hl7Formats.parseDtm(v, "documentEntry.serviceStartTime")).orElse(null))
                .serviceStopTime(slot(object, "serviceStopTime").map(v -> Hl7Formats.parseDtm(v, "documentEntry.serviceStopTime")).orElse(null))
                .patientId(Hl7Formats.parseCx(identifier(object, XdsVocabulary.DOC_PATIENT_ID, "documentEntry.patientId"), "documentEntry.patientId"))
                .sourcePatientId(slot(object, "sourcePatientId").orElse(null))
                .author(author(object, XdsVocabulary.DOC_AUTHOR, "documentEntry.author", facility, practice))
                .legalAuthenticator(slot(object, "legalAuthenticator").map(v -> Hl7Formats.parseXcn(v, "documentEntry.legalAuthenticator")).orElse(null))
                .hash(slot(object, "hash").orElse(null))
                .size(Long.parseLong(size))
                .build();
    }

    private static DocumentAuthor author(Element parent, String scheme, String field, Code facility, Code practice) {
        Element classification = classifications(parent, scheme).stream().findFirst()
                .orElseThrow(() -> InvalidInputException.required(field));
        Professional person = Hl7Formats.parseXcn(requiredSlot(classification, "authorPerson", field + ".authorPerson"), field + ".authorPerson");
        String institution = requiredSlot(classification, "authorInstitution", field + ".authorInstitution");
        Finess finess = Hl7Formats.parseXonFiness(institution, field + ".authorInstitution");
        Structure structure = new Structure(finess, null, Hl7Formats.parseXonName(institution), facility, practice);
        Code role = slot(classification, "authorRole").map(v -> {
            String[] parts = v.split("\\^", -1);
            String system = parts.length > 3 ? parts[3].replace("&ISO", "").replace("&", "") : "";
            return new Code(parts[0], system.isEmpty() ? "unknown" : system, "");
        }).orElse(null);
        Code specialty = slot(classification, "authorSpecialty").map(v -> {
            String[] parts = v.split("\\^", -1);
            return new Code(parts[0], parts.length > 2 && !parts[2].isEmpty() ? parts[2] : "unknown", parts.length > 1 ? Hl7Formats.unescape(parts[1]) : "");
        }).orElse(null);
        return new DocumentAuthor(person, structure, role, specialty);
    }

    private static Code code(Element parent, String scheme, String field) {
        Element classification = classifications(parent, scheme).stream().findFirst()
                .orElseThrow(() -> InvalidInputException.required(field));
        return toCode(classification, field);
    }

    private static Code toCode(Element classification, String field) {
        String node = classification.getAttribute("nodeRepresentation");
        if (node.isEmpty()) {
            throw InvalidInputException.required(field + ".code");
        }
        return new Code(node, requiredSlot(classification, "codingScheme", field + ".codingScheme"),
                name(classification).orElse(""));
    }

    private static List<Element> classifications(Element parent, String scheme) {
        List<Element> found = new ArrayList<>();
        for (Element classification : children(parent, "Classification")) {
            if (scheme.equals(classification.getAttribute("classificationScheme"))) {
                found.add(classification);
            }
        }
        return found;
    }

    private static String identifier(Element parent, String scheme, String field) {
        for (Element identifier : children(parent, "ExternalIdentifier")) {
            if (scheme.equals(identifier.getAttribute("identificationScheme"))) {
                String value = identifier.getAttribute("value");
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        throw InvalidInputException.required(field);
    }

    private static Optional<String> slot(Element parent, String name) {
        for (Element slot : children(parent, "Slot")) {
            if (name.equals(slot.getAttribute("name"))) {
                return first(slot, "ValueList").flatMap(values -> children(values, "Value").stream().findFirst())
                        .map(Node::getTextContent).map(String::trim);
            }
        }
        return Optional.empty();
    }

    private static String requiredSlot(Element parent, String name, String field) {
        return slot(parent, name).filter(v -> !v.isEmpty()).orElseThrow(() -> InvalidInputException.required(field));
    }

    private static Optional<String> name(Element parent) {
        return first(parent, "Name").flatMap(XdsMetadataReader::localizedValue);
    }

    private static Optional<String> localizedValue(Element wrapper) {
        return first(wrapper, "LocalizedString").map(e -> e.getAttribute("value"));
    }

    private static Optional<Element> first(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && RIM.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
