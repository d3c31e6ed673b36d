package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.CareProfessional;
import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.dmp.content.PostalAddress;
import fr.duiconnect.core.dmp.content.PreviousVersion;
import fr.duiconnect.core.dmp.content.RelatedPerson;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.Structure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the CDA R2 header the CI-SIS structuration minimale asks of every document (and that the DMP metadata is
 * derived from): templateIds, ids, type, patient with INS and its traits, author, informants, custodian, legal
 * authenticator, médecin traitant, service event, replaced version and care setting.
 */
final class CdaHeaderWriter {

    static final String LOINC = fr.duiconnect.dmp.xds.DmpMetadataFactory.LOINC;
    static final String PS_ID_NAT = "1.2.250.1.71.4.2.1";
    static final String STRUCT_ID_NAT = "1.2.250.1.71.4.2.2";
    private static final String HL7_FRANCE_TEMPLATE = "2.16.840.1.113883.2.8.2.1";
    private static final String STRUCTURATION_MINIMALE_TEMPLATE = "1.2.250.1.213.1.1.1.1";
    private static final String SCANNED_DOCUMENT_TEMPLATE = "1.3.6.1.4.1.19376.1.2.20";

    /**
     * What the header says.
     *
     * @param voletTemplate      the volet's templateId root and extension, or null for a level-1 document
     * @param serviceEventCode   the documented act, with its effective time range (HL7 TS values): structuration
     *                           minimale requires the act, its time and its performer
     * @param informants         personne à prévenir (ECON) then personne de confiance (NOK), either may be null
     */
    record Facts(String[] voletTemplate, Code type, String title, String uniqueId, String setId, int version, Instant createdAt,
                 PersonIdentity person, Ins ins, PostalAddress patientAddress, Establishment establishment, CareProfessional author,
                 CareProfessional attendingPhysician, RelatedPerson emergencyContact, RelatedPerson trustedPerson,
                 Code serviceEventCode, String serviceStart, String serviceEnd, PreviousVersion replaces,
                 LocalDate encounterStart, LocalDate encounterEnd) {
    }

    /** "12 bis rue des Tilleuls" → houseNumber "12 bis", streetName "rue des Tilleuls". */
    private static final Pattern HOUSE_NUMBER = Pattern.compile("(\\d+(?:\\s?(?:bis|ter|quater|[A-Z]))?),?\\s+(.+)");

    private CdaHeaderWriter() {
    }

    static void write(CdaXml xml, Facts facts) {
        xml.empty("realmCode", "code", "FR");
        xml.empty("typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        xml.empty("templateId", "root", HL7_FRANCE_TEMPLATE);
        xml.empty("templateId", "root", STRUCTURATION_MINIMALE_TEMPLATE);
        if (facts.voletTemplate() != null) {
            xml.empty("templateId", "root", facts.voletTemplate()[0], "extension", facts.voletTemplate()[1]);
        } else {
            // level 1: IHE XDS-SD takes the volet's place, and only these three templateIds are allowed (structuration minimale)
            xml.empty("templateId", "root", SCANNED_DOCUMENT_TEMPLATE);
        }
        xml.empty("id", "root", facts.uniqueId());
        code(xml, "code", facts.type(), "LOINC");
        xml.element("title", facts.title());
        xml.empty("effectiveTime", "value", Hl7Time.of(facts.createdAt()));
        xml.empty("confidentialityCode", "code", "N", "displayName", "Normal", "codeSystem", "2.16.840.1.113883.5.25");
        xml.empty("languageCode", "code", "fr-FR");
        xml.empty("setId", "root", facts.setId());
        xml.empty("versionNumber", "value", Integer.toString(facts.version()));
        recordTarget(xml, facts);
        author(xml, facts);
        informant(xml, "ECON", facts.emergencyContact());
        informant(xml, "NOK", facts.trustedPerson());
        custodian(xml, facts.establishment());
        legalAuthenticator(xml, facts);
        attendingPhysician(xml, facts);
        serviceEvent(xml, facts);
        if (facts.replaces() != null) {
            // structuration minimale (CI-SISRelatedDocument) allows the parent's id and versionNumber only: the set is the document's own
            xml.start("relatedDocument", "typeCode", "RPLC").start("parentDocument");
            xml.empty("id", "root", facts.replaces().uniqueId());
            xml.empty("versionNumber", "value", Integer.toString(facts.replaces().versionNumber()));
            xml.end().end();
        }
        encounter(xml, facts);
    }

    private static void recordTarget(CdaXml xml, Facts facts) {
        IdentityTraits traits = facts.person().traits();
        xml.start("recordTarget").start("patientRole");
        xml.empty("id", "root", facts.ins().oid(), "extension", facts.ins().matricule());
        address(xml, facts.patientAddress());
        xml.start("patient", "classCode", "PSN");
        xml.start("name");
        // INS traits as the RNIV wants them shown: birth name and birth first names (BR), then the used ones (CL)
        xml.start("family", "qualifier", "BR").text(traits.birthName()).end();
        xml.element("given", traits.firstNamesAsList());
        xml.start("given", "qualifier", "BR").text(traits.firstFirstName()).end();
        if (traits.usedName() != null) {
            xml.start("family", "qualifier", "CL").text(traits.usedName()).end();
        }
        if (traits.usedFirstName() != null) {
            xml.start("given", "qualifier", "CL").text(traits.usedFirstName()).end();
        }
        xml.end();
        xml.empty("administrativeGenderCode", "code", traits.sex().name(),
                "displayName", switch (traits.sex()) { case M -> "Masculin"; case F -> "Féminin"; default -> null; },
                "codeSystem", "2.16.840.1.113883.5.1");
        xml.empty("birthTime", "value", Hl7Time.of(traits.birthDate()));
        if (traits.birthPlaceCog() != null) {
            xml.start("birthplace").start("place").start("addr").element("county", traits.birthPlaceCog()).end().end().end();
        }
        xml.end().end().end();
    }

    private static void author(CdaXml xml, Facts facts) {
        xml.start("author");
        xml.empty("time", "value", Hl7Time.of(facts.createdAt()));
        xml.start("assignedAuthor");
        professionalBody(xml, facts.author());
        organisation(xml, facts.establishment(), true);
        xml.end().end();
    }

    private static void informant(CdaXml xml, String classCode, RelatedPerson person) {
        if (person == null) {
            return;
        }
        xml.start("informant").start("relatedEntity", "classCode", classCode);
        if (person.relationship() != null) {
            xml.empty("code", "code", person.relationship(), "displayName", person.relationshipName(), "codeSystem", "2.16.840.1.113883.5.111");
        }
        xml.empty("addr", "nullFlavor", "NASK");
        telecom(xml, person.phone(), "MC");
        xml.start("relatedPerson").start("name");
        xml.element("family", person.familyName());
        if (person.givenName() != null && !person.givenName().isBlank()) {
            xml.element("given", person.givenName());
        }
        xml.end().end().end().end();
    }

    private static void custodian(CdaXml xml, Establishment establishment) {
        Structure structure = establishment.structure();
        xml.start("custodian", "typeCode", "CST").start("assignedCustodian", "classCode", "ASSIGNED")
                .start("representedCustodianOrganization", "classCode", "ORG", "determinerCode", "INSTANCE");
        xml.empty("id", "root", STRUCT_ID_NAT, "extension", structure.finessGeographique().asStructureNationalId());
        xml.element("name", structure.name());
        telecom(xml, establishment.phone(), "WP");
        address(xml, establishment.address());
        xml.end().end().end();
    }

    private static void legalAuthenticator(CdaXml xml, Facts facts) {
        xml.start("legalAuthenticator");
        xml.empty("time", "value", Hl7Time.of(facts.createdAt()));
        xml.empty("signatureCode", "code", "S");
        xml.start("assignedEntity");
        professionalBody(xml, facts.author());
        organisation(xml, facts.establishment(), true);
        xml.end().end();
    }

    private static void attendingPhysician(CdaXml xml, Facts facts) {
        CareProfessional doctor = facts.attendingPhysician();
        if (doctor == null) {
            return;
        }
        xml.start("participant", "typeCode", "INF");
        xml.empty("functionCode", "code", "PCP", "displayName", "Médecin Traitant", "codeSystem", "2.16.840.1.113883.5.88");
        xml.start("time", "xsi:type", "IVL_TS").empty("low", "value", Hl7Time.of(facts.createdAt())).end();
        xml.start("associatedEntity", "classCode", "PROV");
        xml.empty("id", "root", PS_ID_NAT, "extension", doctor.professional().nationalId());
        address(xml, doctor.address());
        telecom(xml, doctor.phone(), "WP");
        xml.start("associatedPerson");
        personName(xml, doctor.professional());
        xml.end().end().end();
    }

    private static void serviceEvent(CdaXml xml, Facts facts) {
        xml.start("documentationOf").start("serviceEvent");
        code(xml, "code", facts.serviceEventCode(), "LOINC");
        xml.start("effectiveTime");
        xml.empty("low", "value", facts.serviceStart());
        xml.empty("high", "value", facts.serviceEnd());
        xml.end();
        xml.start("performer", "typeCode", "PRF").start("assignedEntity");
        professionalBody(xml, facts.author());
        organisation(xml, facts.establishment(), true);
        xml.end().end();
        xml.end().end();
    }

    private static void encounter(CdaXml xml, Facts facts) {
        Structure structure = facts.establishment().structure();
        xml.start("componentOf").start("encompassingEncounter");
        xml.start("effectiveTime");
        if (facts.encounterStart() != null) {
            xml.empty("low", "value", Hl7Time.of(facts.encounterStart()));
        } else {
            xml.empty("low", "nullFlavor", "UNK");
        }
        if (facts.encounterEnd() != null) {
            xml.empty("high", "value", Hl7Time.of(facts.encounterEnd()));
        }
        xml.end();
        xml.start("location").start("healthCareFacility");
        code(xml, "code", structure.facilityTypeCode(), null);
        xml.end().end();
        xml.end().end();
    }

    /** id, code, addr, telecom and assignedPerson of an author, legal authenticator or performer. */
    private static void professionalBody(CdaXml xml, CareProfessional who) {
        Professional professional = who.professional();
        xml.empty("id", "root", PS_ID_NAT, "extension", professional.nationalId());
        if (professional.professionCode() != null) {
            code(xml, "code", professional.professionCode(), null);
        }
        address(xml, who.address());
        telecom(xml, who.phone(), "WP");
        xml.start("assignedPerson");
        personName(xml, professional);
        xml.end();
    }

    private static void personName(CdaXml xml, Professional professional) {
        xml.start("name");
        if (professional.givenName() != null && !professional.givenName().isBlank()) {
            xml.element("given", professional.givenName());
        }
        xml.element("family", professional.familyName());
        xml.end();
    }

    private static void organisation(CdaXml xml, Establishment establishment, boolean withPracticeSetting) {
        Structure structure = establishment.structure();
        xml.start("representedOrganization");
        xml.empty("id", "root", STRUCT_ID_NAT, "extension", structure.finessGeographique().asStructureNationalId());
        xml.element("name", structure.name());
        telecom(xml, establishment.phone(), "WP");
        address(xml, establishment.address());
        if (withPracticeSetting) {
            code(xml, "standardIndustryClassCode", structure.practiceSettingCode(), null);
        }
        xml.end();
    }

    static void address(CdaXml xml, PostalAddress address) {
        if (address == null) {
            return;
        }
        xml.start("addr");
        // CI-SIS addresses are either streetAddressLine alone or the parts: the parts, so postal code and city stay coded
        Matcher number = HOUSE_NUMBER.matcher(address.street());
        if (number.matches()) {
            xml.element("houseNumber", number.group(1));
            xml.element("streetName", number.group(2));
        } else {
            xml.element("streetName", address.street());
        }
        xml.element("postalCode", address.postalCode());
        xml.element("city", address.city());
        xml.end();
    }

    static void telecom(CdaXml xml, String phone, String use) {
        if (phone != null) {
            xml.empty("telecom", "value", "tel:" + phone, "use", use);
        }
    }

    static void code(CdaXml xml, String element, Code code, String codeSystemName) {
        xml.empty(element, "code", code.code(), "displayName", code.displayName().isEmpty() ? null : code.displayName(),
                "codeSystem", code.codeSystem(), "codeSystemName", codeSystemName);
    }

}
