package fr.duiconnect.dmp.cda;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.dmp.DmpErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the header of a CDA R2 document (hardened parser) into a {@link CdaHeader}. Whatever the DMP metadata
 * needs and the header lacks is refused here, naming the CDA element, before anything is journaled.
 * Stateless and thread-safe.
 */
public final class CdaHeaderReader {

    static final String HL7 = "urn:hl7-org:v3";
    private static final String PS_ID_NAT = "1.2.250.1.71.4.2.1";
    private static final String STRUCT_ID_NAT = "1.2.250.1.71.4.2.2";
    /** Where the CDA's timestamps carry no offset: the DUI's time zone (the DMP's is France). */
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private CdaHeaderReader() {
    }

    public static CdaHeader read(byte[] cda) {
        return read(CdaHeaderDom.read(cda));
    }

    /** The header of a CDA already parsed (all of it, or its header only: {@link CdaHeaderDom}). */
    static CdaHeader read(Document document) {
        Element root = document.getDocumentElement();
        if (!"ClinicalDocument".equals(root.getLocalName()) || !HL7.equals(root.getNamespaceURI())) {
            throw refused("ClinicalDocument", "the root element is hl7:ClinicalDocument");
        }
        List<String> templates = new ArrayList<>();
        for (Element template : children(root, "templateId")) {
            templates.add(template.getAttribute("root"));
        }
        Element id = required(root, "id");
        String uniqueId = id.getAttribute("root") + (id.hasAttribute("extension") ? "^" + id.getAttribute("extension") : "");
        Element code = required(root, "code");
        Element setId = child(root, "setId").orElseThrow(() -> refused("setId", "a CDA deposited in the DMP has a setId (structuration minimale v1.16)"));
        Element patientRole = path(root, "recordTarget", "patientRole").orElseThrow(() -> refused("recordTarget/patientRole", "is required"));
        Element assignedAuthor = path(root, "author", "assignedAuthor").orElseThrow(() -> refused("author/assignedAuthor", "is required"));
        Element organisation = child(assignedAuthor, "representedOrganization")
                .orElseThrow(() -> refused("author/assignedAuthor/representedOrganization", "names the authoring structure (authorInstitution)"));
        Element serviceEvent = path(root, "documentationOf", "serviceEvent").orElse(null);
        Element facility = path(root, "componentOf", "encompassingEncounter", "location", "healthCareFacility", "code")
                .orElseThrow(() -> refused("componentOf/encompassingEncounter/location/healthCareFacility/code", "gives the healthcareFacilityTypeCode"));
        Element practice = Optional.ofNullable(serviceEvent)
                .flatMap(e -> path(e, "performer", "assignedEntity", "representedOrganization", "standardIndustryClassCode"))
                .or(() -> child(organisation, "standardIndustryClassCode"))
                .orElseThrow(() -> refused("serviceEvent/performer/…/standardIndustryClassCode", "gives the practiceSettingCode"));
        Element legal = path(root, "legalAuthenticator", "assignedEntity").orElse(null);
        String replaced = children(root, "relatedDocument").stream()
                .filter(r -> "RPLC".equals(r.getAttribute("typeCode")))
                .flatMap(r -> path(r, "parentDocument", "id").stream())
                .map(p -> p.getAttribute("root") + (p.hasAttribute("extension") ? "^" + p.getAttribute("extension") : ""))
                .findFirst().orElse(null);
        String mediaType = path(root, "component", "nonXMLBody", "text").map(t -> t.getAttribute("mediaType")).orElse(null);
        return new CdaHeader(templates, code(code, "code"), text(child(root, "title").orElse(null)), uniqueId,
                setId.getAttribute("root") + (setId.hasAttribute("extension") ? "^" + setId.getAttribute("extension") : ""),
                child(root, "versionNumber").map(v -> parseInt(v.getAttribute("value"))).orElse(1),
                time(required(root, "effectiveTime").getAttribute("value"), "effectiveTime"),
                code(required(root, "confidentialityCode"), "confidentialityCode"),
                child(root, "languageCode").map(l -> l.getAttribute("code")).orElse("fr-FR"),
                ins(patientRole), professional(assignedAuthor, "author/assignedAuthor"),
                child(assignedAuthor, "code").map(c -> code(c, "author/assignedAuthor/code")).orElse(null),
                finess(organisation), text(child(organisation, "name").orElse(null)),
                legal == null ? null : professional(legal, "legalAuthenticator/assignedEntity"),
                serviceEvent == null ? null : child(serviceEvent, "effectiveTime").flatMap(t -> child(t, "low"))
                        .map(l -> time(l.getAttribute("value"), "serviceEvent/effectiveTime/low")).orElse(null),
                serviceEvent == null ? null : child(serviceEvent, "effectiveTime").flatMap(t -> child(t, "high"))
                        .filter(h -> h.hasAttribute("value"))
                        .map(h -> time(h.getAttribute("value"), "serviceEvent/effectiveTime/high")).orElse(null),
                code(facility, "healthCareFacility/code"), code(practice, "standardIndustryClassCode"), mediaType, replaced);
    }

    /** The patient's INS: the recordTarget id whose root is an INS OID (NIR, NIA, test or demo). */
    private static Ins ins(Element patientRole) {
        for (Element id : children(patientRole, "id")) {
            String root = id.getAttribute("root");
            for (InsKind kind : InsKind.values()) {
                if (kind.oid().equals(root)) {
                    try {
                        return Ins.parse(id.getAttribute("extension"), kind);
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException(DmpErrorCode.CDA_HEADER, "recordTarget/patientRole/id",
                                "the INS matricule is malformed or its key is wrong: " + e.getMessage());
                    }
                }
            }
        }
        throw new InvalidInputException(DmpErrorCode.CDA_HEADER, "recordTarget/patientRole/id",
                "no patient id has an INS OID (1.2.250.1.213.1.4.8 NIR, .9 NIA, .10 test, .11 demo): the DMP is fed by INS only");
    }

    private static Professional professional(Element assigned, String where) {
        Element id = child(assigned, "id").filter(i -> PS_ID_NAT.equals(i.getAttribute("root")))
                .orElseThrow(() -> refused(where + "/id", "the professional is identified by PSIdNat (root " + PS_ID_NAT + ")"));
        String nationalId = id.getAttribute("extension");
        if (nationalId.length() < 2) {
            throw refused(where + "/id/@extension", "a PSIdNat: 8 + RPPS, 0 + ADELI or 3 + FINESS/internal id");
        }
        ProfessionalIdKind kind = switch (nationalId.charAt(0)) {
            case '8' -> ProfessionalIdKind.RPPS;
            case '0' -> ProfessionalIdKind.ADELI;
            case '3' -> ProfessionalIdKind.STRUCTURE_INTERNAL;
            default -> throw refused(where + "/id/@extension", "a PSIdNat starting with 8 (RPPS), 0 (ADELI) or 3 (structure)");
        };
        Element name = path(assigned, "assignedPerson", "name").orElseThrow(() -> refused(where + "/assignedPerson/name", "is required"));
        return new Professional(kind, nationalId.substring(1), text(child(name, "family").orElse(null)),
                text(child(name, "given").orElse(null)), null, null);
    }

    private static Finess finess(Element organisation) {
        Element id = child(organisation, "id").filter(i -> STRUCT_ID_NAT.equals(i.getAttribute("root")))
                .orElseThrow(() -> refused("author/…/representedOrganization/id", "a Struct_IdNat (root " + STRUCT_ID_NAT + ")"));
        String value = id.getAttribute("extension");
        if (!value.startsWith("1") || value.length() != 10) {
            throw refused("author/…/representedOrganization/id/@extension", "1 followed by the FINESS géographique (authorInstitution = Identifiant_Structure, EX_2.1-1140)");
        }
        return Finess.of(value.substring(1));
    }

    private static Code code(Element element, String where) {
        String code = element.getAttribute("code");
        String system = element.getAttribute("codeSystem");
        if (code.isBlank() || system.isBlank()) {
            throw refused(where, "has @code and @codeSystem");
        }
        return new Code(code, system, element.getAttribute("displayName"));
    }

    /** HL7 TS: yyyyMMdd[HHmm[ss]][+zzzz]. */
    static Instant time(String value, String where) {
        try {
            String digits = value.replaceAll("[+-]\\d{4}$", "");
            String offset = value.substring(digits.length());
            String padded = (digits + "00000000000000").substring(0, 14);
            LocalDateTime local = LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            if (digits.length() < 8) {
                throw new DateTimeParseException("too short", value, 0);
            }
            return offset.isEmpty() ? local.atZone(FRANCE).toInstant()
                    : OffsetDateTime.of(local, java.time.ZoneOffset.of(offset.substring(0, 3) + ":" + offset.substring(3))).toInstant();
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw refused(where, "an HL7 TS timestamp (yyyyMMdd[HHmmss][+zzzz]), not '" + value + "'");
        }
    }

    static LocalDate date(Instant instant) {
        return instant.atZone(FRANCE).toLocalDate();
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw refused("versionNumber/@value", "an integer");
        }
    }

    private static InvalidInputException refused(String field, String rule) {
        return new InvalidInputException(DmpErrorCode.CDA_HEADER, field, rule);
    }

    private static Element required(Element parent, String name) {
        return child(parent, name).orElseThrow(() -> refused(name, "is required in the CDA header"));
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }

    static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && HL7.equals(e.getNamespaceURI())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && HL7.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> path(Element from, String... names) {
        Optional<Element> current = Optional.of(from);
        for (String name : names) {
            current = current.flatMap(e -> child(e, name));
        }
        return current;
    }
}
