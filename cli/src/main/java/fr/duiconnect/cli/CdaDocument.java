package fr.duiconnect.cli;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.core.xds.DocumentAuthor;
import fr.duiconnect.core.xds.DocumentMetadata;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the command line reads from a CDA R2 header to send it: the person (recordTarget: INS, birth name, first
 * names, sex, birth date) and the XDS document entry (id, code, title, effectiveTime, confidentiality, author).
 * Parsed with the core's hardened parser (no DOCTYPE, no external entities).
 */
final class CdaDocument {

    private static final String HL7 = "urn:hl7-org:v3";

    private final Element root;

    private CdaDocument(Element root) {
        this.root = root;
    }

    static CdaDocument parse(byte[] xml) {
        try {
            Document document = fr.duiconnect.core.xml.SecureXml.parse(xml, "attach");
            Element root = document.getDocumentElement();
            if (!"ClinicalDocument".equals(root.getLocalName()) || !HL7.equals(root.getNamespaceURI())) {
                throw InvalidInputException.format("attach", "a CDA R2 ClinicalDocument (urn:hl7-org:v3)");
            }
            return new CdaDocument(root);
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw InvalidInputException.format("attach", "a well-formed CDA R2 document without DOCTYPE (" + e.getMessage() + ")");
        }
    }

    /** The person of recordTarget, whose INS must be the given matricule; status as the DUI knows it. */
    PersonIdentity person(String matricule, IdentityStatus status) {
        Element patientRole = path(root, "recordTarget", "patientRole");
        Ins ins = null;
        for (Element id : children(patientRole, "id")) {
            String oid = id.getAttribute("root");
            if (oid.startsWith("1.2.250.1.213.1.4.") && id.getAttribute("extension").equals(matricule)) {
                ins = Ins.parse(matricule, InsKind.fromOid(oid));
            }
        }
        if (ins == null) {
            throw InvalidInputException.format("ins", "the INS of the CDA recordTarget/patientRole/id (an INS OID with this matricule)");
        }
        Element patient = path(patientRole, "patient");
        Element name = path(patient, "name");
        String birthName = null;
        List<String> firstNames = new ArrayList<>();
        for (Element family : children(name, "family")) {
            if ("BR".equals(family.getAttribute("qualifier")) || birthName == null && family.getAttribute("qualifier").isEmpty()) {
                birthName = family.getTextContent().strip();
            }
        }
        for (Element given : children(name, "given")) {
            if (given.getAttribute("qualifier").isEmpty()) {
                firstNames.addAll(List.of(given.getTextContent().strip().split("\\s+")));
            }
        }
        if (firstNames.isEmpty()) {
            for (Element given : children(name, "given")) {
                if ("BR".equals(given.getAttribute("qualifier"))) {
                    firstNames.add(given.getTextContent().strip());
                }
            }
        }
        Sex sex = Sex.parse(path(patient, "administrativeGenderCode").getAttribute("code"), "recordTarget.administrativeGenderCode");
        String birth = path(patient, "birthTime").getAttribute("value");
        LocalDate birthDate = LocalDate.parse(birth.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        IdentityTraits traits = new IdentityTraits(birthName, firstNames, null, null, sex, birthDate, null);
        return new PersonIdentity("CLI-" + matricule.substring(11), traits, ins, status, Set.of());
    }

    DocumentMetadata metadata(Ins ins, Structure structure, Code classCode, Code formatCode) {
        Element id = path(root, "id");
        String uniqueId = id.getAttribute("root") + (id.getAttribute("extension").isEmpty() ? "" : "^" + id.getAttribute("extension"));
        Element setId = child(root, "setId");
        Element code = path(root, "code");
        Element confidentiality = child(root, "confidentialityCode");
        Element assignedAuthor = path(root, "author", "assignedAuthor");
        Element authorId = path(assignedAuthor, "id");
        Element authorName = path(assignedAuthor, "assignedPerson", "name");
        String extension = authorId.getAttribute("extension");
        Professional author = extension.startsWith("8") && Professional.isValidRpps(extension.substring(1))
                ? new Professional(ProfessionalIdKind.RPPS, extension.substring(1), text(authorName, "family"), text(authorName, "given"), null, null)
                : new Professional(ProfessionalIdKind.STRUCTURE_INTERNAL, structure.finessGeographique().value() + "/" + extension,
                text(authorName, "family"), text(authorName, "given"), null, null);
        return DocumentMetadata.builder()
                .uniqueId(uniqueId)
                .setId(setId == null ? null : setId.getAttribute("root"))
                .title(path(root, "title").getTextContent().strip())
                .classCode(classCode)
                .typeCode(Code.of(code.getAttribute("code"), code.getAttribute("codeSystem"), code.getAttribute("displayName")))
                .formatCode(formatCode)
                .healthcareFacilityTypeCode(structure.facilityTypeCode())
                .practiceSettingCode(structure.practiceSettingCode())
                .confidentialityCodes(List.of(confidentiality == null ? Code.of("N", "2.16.840.1.113883.5.25", "Normal")
                        : Code.of(confidentiality.getAttribute("code"), confidentiality.getAttribute("codeSystem"), confidentiality.getAttribute("displayName"))))
                .creationTime(instant(path(root, "effectiveTime").getAttribute("value")))
                .patientId(ins)
                .author(new DocumentAuthor(author, structure, null, null))
                .build();
    }

    static Instant instant(String hl7) {
        String digits = hl7.replaceAll("[+-]\\d{4}$", "");
        String offset = hl7.length() > digits.length() ? hl7.substring(digits.length()) : "+0000";
        String padded = (digits + "00000000000000").substring(0, 14);
        LocalDateTime local = LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        return OffsetDateTime.of(local, ZoneId.of(offset.substring(0, 3) + ":" + offset.substring(3)).getRules()
                .getOffset(local)).toInstant();
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }

    private static Element path(Element from, String... names) {
        Element current = from;
        for (String name : names) {
            Element next = child(current, name);
            if (next == null) {
                throw InvalidInputException.format("attach", "a CDA header with " + String.join("/", names));
            }
            current = next;
        }
        return current;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getLocalName()) && HL7.equals(element.getNamespaceURI())) {
                result.add(element);
            }
        }
        return result;
    }
}
