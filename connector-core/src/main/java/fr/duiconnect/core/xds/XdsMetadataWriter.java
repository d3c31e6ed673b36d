package fr.duiconnect.core.xds;

import fr.duiconnect.core.error.InvalidInputException;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static fr.duiconnect.core.xds.XdsVocabulary.LCM;
import static fr.duiconnect.core.xds.XdsVocabulary.RIM;

/**
 * The one writer of XDS metadata: an ebRS 3.0 {@code lcm:SubmitObjectsRequest} with the submission set, its
 * document entries, their classifications and external identifiers, HasMember and RPLC associations. The DMP
 * deposit (ITI-41) wraps it in its SOAP request; the MSSanté XDM archive stores it as METADATA.XML.
 * Stateless and thread-safe.
 */
public final class XdsMetadataWriter {

    /** The submission set's symbolic id in the request; associations point to it. */
    public static final String SUBMISSION_SET_ID = "SubmissionSet01";

    private XdsMetadataWriter() {
    }

    public static Document write(XdsSubmission submission) {
        Document document = SecureXml.newDocument();
        Element request = document.createElementNS(LCM, "lcm:SubmitObjectsRequest");
        request.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:rim", RIM);
        document.appendChild(request);
        Element list = child(request, RIM, "rim:RegistryObjectList");
        int index = 0;
        for (XdsDocument entry : submission.documents()) {
            writeDocumentEntry(list, entry, ++index);
        }
        writeSubmissionSet(list, submission.submissionSet());
        index = 0;
        for (XdsDocument entry : submission.documents()) {
            index++;
            Element association = association(list, "HasMember-" + index, XdsVocabulary.HAS_MEMBER, SUBMISSION_SET_ID, entry.entryUuid());
            slot(association, "SubmissionSetStatus", "Original");
            if (entry.replaces() != null) {
                association(list, "Replaces-" + index, XdsVocabulary.RPLC, entry.entryUuid(), entry.replaces());
            }
            if (XdsVocabulary.SIGNATURE_CLASS_CODE.equals(entry.metadata().classCode().code())) {
                // IHE DSG: a signature entry signs the submission set it travels in (the DMP's lot de soumission signé)
                association(list, "Signs-" + index, XdsVocabulary.SIGNS, entry.entryUuid(), SUBMISSION_SET_ID);
            }
        }
        return document;
    }

    /**
     * A SubmitObjectsRequest holding only the submission set (ITI-57 metadata updates): the caller appends the
     * update associations to its RegistryObjectList.
     */
    public static Document writeSubmissionSetOnly(SubmissionSetMetadata set) {
        Document document = SecureXml.newDocument();
        Element request = document.createElementNS(LCM, "lcm:SubmitObjectsRequest");
        request.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:rim", RIM);
        document.appendChild(request);
        writeSubmissionSet(child(request, RIM, "rim:RegistryObjectList"), set);
        return document;
    }

    /** The request serialised as UTF-8 XML. */
    public static byte[] writeBytes(XdsSubmission submission) {
        try {
            Transformer transformer = SecureXml.transformerFactory().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(write(submission)), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("XDS metadata cannot be serialised", e);
        }
    }

    private static void writeDocumentEntry(Element list, XdsDocument entry, int index) {
        DocumentMetadata m = entry.metadata();
        String id = entry.entryUuid();
        Element object = child(list, RIM, "rim:ExtrinsicObject");
        object.setAttribute("id", id);
        object.setAttribute("mimeType", m.mimeType());
        object.setAttribute("objectType", XdsVocabulary.DOCUMENT_ENTRY_TYPE);
        slot(object, "creationTime", Hl7Formats.dtm(m.creationTime()));
        if (m.hash() != null) {
            slot(object, "hash", m.hash());
        }
        slot(object, "languageCode", m.languageCode());
        if (m.legalAuthenticator() != null) {
            slot(object, "legalAuthenticator", Hl7Formats.xcn(m.legalAuthenticator()));
        }
        if (m.serviceStartTime() != null) {
            slot(object, "serviceStartTime", Hl7Formats.dtm(m.serviceStartTime()));
        }
        if (m.serviceStopTime() != null) {
            slot(object, "serviceStopTime", Hl7Formats.dtm(m.serviceStopTime()));
        }
        if (m.hash() != null || m.size() > 0) {
            slot(object, "size", Long.toString(m.size()));
        }
        slot(object, "sourcePatientId", m.sourcePatientId() != null ? m.sourcePatientId() : Hl7Formats.cx(m.patientId()));
        if (entry.uri() != null) {
            slot(object, "URI", entry.uri());
        }
        localized(object, "rim:Name", m.title());
        if (m.comments() != null && !m.comments().isBlank()) {
            localized(object, "rim:Description", m.comments());
        }
        author(object, XdsVocabulary.DOC_AUTHOR, id, m.author(), "Author-" + index);
        code(object, XdsVocabulary.DOC_CLASS_CODE, id, m.classCode(), "ClassCode-" + index);
        int c = 0;
        for (Code confidentiality : m.confidentialityCodes()) {
            code(object, XdsVocabulary.DOC_CONFIDENTIALITY_CODE, id, confidentiality, "Confidentiality-" + index + "-" + ++c);
        }
        int e = 0;
        for (Code event : m.eventCodes()) {
            code(object, XdsVocabulary.DOC_EVENT_CODE, id, event, "EventCode-" + index + "-" + ++e);
        }
        code(object, XdsVocabulary.DOC_FORMAT_CODE, id, m.formatCode(), "FormatCode-" + index);
        code(object, XdsVocabulary.DOC_FACILITY_TYPE_CODE, id, m.healthcareFacilityTypeCode(), "FacilityType-" + index);
        code(object, XdsVocabulary.DOC_PRACTICE_SETTING_CODE, id, m.practiceSettingCode(), "PracticeSetting-" + index);
        code(object, XdsVocabulary.DOC_TYPE_CODE, id, m.typeCode(), "TypeCode-" + index);
        externalIdentifier(object, XdsVocabulary.DOC_PATIENT_ID, id, Hl7Formats.cx(m.patientId()), "XDSDocumentEntry.patientId", "PatientId-" + index);
        externalIdentifier(object, XdsVocabulary.DOC_UNIQUE_ID, id, m.uniqueId(), "XDSDocumentEntry.uniqueId", "UniqueId-" + index);
    }

    private static void writeSubmissionSet(Element list, SubmissionSetMetadata set) {
        Element pack = child(list, RIM, "rim:RegistryPackage");
        pack.setAttribute("id", SUBMISSION_SET_ID);
        pack.setAttribute("objectType", XdsVocabulary.REGISTRY_PACKAGE_TYPE);
        slot(pack, "submissionTime", Hl7Formats.dtm(set.submissionTime()));
        if (set.title() != null) {
            localized(pack, "rim:Name", set.title());
        }
        author(pack, XdsVocabulary.SET_AUTHOR, SUBMISSION_SET_ID, set.author(), "SetAuthor");
        code(pack, XdsVocabulary.SET_CONTENT_TYPE_CODE, SUBMISSION_SET_ID, set.contentTypeCode(), "ContentType");
        externalIdentifier(pack, XdsVocabulary.SET_UNIQUE_ID, SUBMISSION_SET_ID, set.uniqueId(), "XDSSubmissionSet.uniqueId", "SetUniqueId");
        externalIdentifier(pack, XdsVocabulary.SET_SOURCE_ID, SUBMISSION_SET_ID, set.sourceId(), "XDSSubmissionSet.sourceId", "SetSourceId");
        externalIdentifier(pack, XdsVocabulary.SET_PATIENT_ID, SUBMISSION_SET_ID, Hl7Formats.cx(set.patientId()), "XDSSubmissionSet.patientId", "SetPatientId");
        Element classification = child(list, RIM, "rim:Classification");
        classification.setAttribute("id", "SubmissionSetClassification");
        classification.setAttribute("classifiedObject", SUBMISSION_SET_ID);
        classification.setAttribute("classificationNode", XdsVocabulary.SUBMISSION_SET_NODE);
        classification.setAttribute("objectType", XdsVocabulary.CLASSIFICATION_TYPE);
    }

    private static void author(Element parent, String scheme, String classified, DocumentAuthor author, String id) {
        Element classification = classification(parent, scheme, classified, "", id);
        slot(classification, "authorPerson", Hl7Formats.xcn(author.person()));
        slot(classification, "authorInstitution", Hl7Formats.xon(author.institution()));
        if (author.role() != null) {
            slot(classification, "authorRole", author.role().code() + "^^^&" + author.role().codeSystem() + "&ISO");
        }
        if (author.specialty() != null) {
            slot(classification, "authorSpecialty", author.specialty().code() + "^" + Hl7Formats.escape(author.specialty().displayName())
                    + "^" + author.specialty().codeSystem());
        }
    }

    private static void code(Element parent, String scheme, String classified, Code code, String id) {
        Element classification = classification(parent, scheme, classified, code.code(), id);
        slot(classification, "codingScheme", code.codeSystem());
        localized(classification, "rim:Name", code.displayName());
    }

    private static Element classification(Element parent, String scheme, String classified, String node, String id) {
        Element classification = child(parent, RIM, "rim:Classification");
        classification.setAttribute("id", id);
        classification.setAttribute("classificationScheme", scheme);
        classification.setAttribute("classifiedObject", classified);
        classification.setAttribute("nodeRepresentation", node);
        classification.setAttribute("objectType", XdsVocabulary.CLASSIFICATION_TYPE);
        return classification;
    }

    private static void externalIdentifier(Element parent, String scheme, String registryObject, String value, String name, String id) {
        Element identifier = child(parent, RIM, "rim:ExternalIdentifier");
        identifier.setAttribute("id", id);
        identifier.setAttribute("identificationScheme", scheme);
        identifier.setAttribute("registryObject", registryObject);
        identifier.setAttribute("value", value);
        identifier.setAttribute("objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:ExternalIdentifier");
        localized(identifier, "rim:Name", name);
    }

    private static Element association(Element list, String id, String type, String source, String target) {
        Element association = child(list, RIM, "rim:Association");
        association.setAttribute("id", id);
        association.setAttribute("associationType", type);
        association.setAttribute("sourceObject", source);
        association.setAttribute("targetObject", target);
        association.setAttribute("objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association");
        return association;
    }

    private static void slot(Element parent, String name, String... values) {
        Element slot = child(parent, RIM, "rim:Slot");
        slot.setAttribute("name", name);
        Element valueList = child(slot, RIM, "rim:ValueList");
        for (String value : List.of(values)) {
            child(valueList, RIM, "rim:Value").setTextContent(value);
        }
    }

    /** A display name: XDS requires one for every code, and a registry refuses an empty one, so it is never written blank. */
    private static void localized(Element parent, String element, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.required(parent.getAttribute("classificationScheme").isEmpty() ? element
                    : "displayName of " + parent.getAttribute("nodeRepresentation") + " (" + parent.getAttribute("classificationScheme") + ")");
        }
        Element wrapper = child(parent, RIM, element);
        Element text = child(wrapper, RIM, "rim:LocalizedString");
        text.setAttribute("value", value);
    }

    private static Element child(Element parent, String namespace, String qualifiedName) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(element);
        return element;
    }
}
