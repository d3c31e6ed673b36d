package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.Allergy;
import fr.duiconnect.core.dmp.content.AttachedDocument;
import fr.duiconnect.core.dmp.content.CareProfessional;
import fr.duiconnect.core.dmp.content.RelatedPerson;
import fr.duiconnect.core.dmp.content.ChecklistItem;
import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.Pathology;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.dmp.content.Treatment;
import fr.duiconnect.core.dmp.content.Vaccination;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.identity.IdentityGuard;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PdfContent;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.dmp.DmpErrorCode;
import fr.duiconnect.dmp.xds.DmpCodes;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks run before a document is written, as wide as what the ANS kit (schema, volet schematron, structuration
 * minimale, body profiles) can reject for a reason the DUI controls: qualified INS with all its traits, what the
 * volet requires, dates coherent with the birth date, with today and with each other, codes from the value sets the
 * kit checks (their display names taken from there when the DUI gives only a code), health products coded as
 * FR-Produit-de-sante wants, text XML can carry, attachments that are PDFs of a bounded size. The first refusal names
 * the field (with its index in a list) and the rule; the README lists them. Stateless.
 */
final class DocumentPreChecks {

    /** Code system of the practiceSettingCode (CDA standardIndustryClassCode), e.g. ESSMS, ETABLISSEMENT. */
    static final String PRACTICE_SETTING_SYSTEM = "1.2.250.1.213.1.1.4.9";
    private static final String RELATIONSHIP_SYSTEM = "2.16.840.1.113883.5.111";

    /** What the header is written from once checked: the codes completed with their display names. */
    record Checked(Ins ins, Establishment establishment, CareProfessional author, CareProfessional attendingPhysician) {
    }

    private final long maxAttachmentBytes;
    private final Terminology terminology;

    DocumentPreChecks(long maxAttachmentBytes, Terminology terminology) {
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.terminology = terminology;
    }

    Checked dlu(ResidentRecord resident, LocalDate today) {
        XmlText.requireLegal(resident, "resident");
        Ins ins = identity(resident.person(), today, "DLU", "resident");
        LocalDate birth = resident.person().traits().birthDate();
        if (resident.attendingPhysician() == null) {
            throw refused("resident.attendingPhysician", "the DLU names the médecin traitant (participant INF/PCP, 1..1 in DLU-EHPAD 2022.01)");
        }
        identityGiven(resident.author(), "resident.author");
        identityGiven(resident.attendingPhysician(), "resident.attendingPhysician");
        lived(resident.admittedOn(), birth, today, "resident.admittedOn");
        List<Pathology> pathologies = resident.activePathologies();
        for (int i = 0; i < pathologies.size(); i++) {
            lived(pathologies.get(i).since(), birth, today, "resident.activePathologies[" + i + "].since");
        }
        List<Allergy> allergies = resident.allergies();
        for (int i = 0; i < allergies.size(); i++) {
            Allergy a = allergies.get(i);
            lived(a.since(), birth, today, "resident.allergies[" + i + "].since");
            ordered(a.since(), a.until(), "resident.allergies[" + i + "].until");
            notBefore(a.until(), birth, "resident.allergies[" + i + "].until");
        }
        List<Treatment> treatments = resident.treatments();
        for (int i = 0; i < treatments.size(); i++) {
            treatment(treatments.get(i), birth, today, "resident.treatments[" + i + "]");
        }
        List<Vaccination> vaccinations = resident.vaccinations();
        for (int i = 0; i < vaccinations.size(); i++) {
            Vaccination v = vaccinations.get(i);
            lived(v.date(), birth, today, "resident.vaccinations[" + i + "].date");
            productCodes(v.codings(), "resident.vaccinations[" + i + "]");
        }
        relationship(resident.trustedPerson(), "resident.trustedPerson.relationship");
        relationship(resident.emergencyContact(), "resident.emergencyContact.relationship");
        attachments(resident.attachedDocuments());
        return new Checked(ins, establishment(resident.establishment(), "resident.establishment"),
                professional(resident.author(), "resident.author"), professional(resident.attendingPhysician(), "resident.attendingPhysician"));
    }

    Checked letter(LiaisonLetter letter, LocalDate today) {
        XmlText.requireLegal(letter, "letter");
        Ins ins = identity(letter.person(), today, "liaison letter", "letter");
        LocalDate birth = letter.person().traits().birthDate();
        ordered(letter.stayStart(), letter.stayEnd(), "letter.stayEnd");
        lived(letter.stayStart(), birth, today, "letter.stayStart");
        notBefore(letter.stayEnd(), birth, "letter.stayEnd");
        pdf(letter.pdf(), "letter.pdf");
        identityGiven(letter.author(), "letter.author");
        if (letter.attendingPhysician() != null) {
            identityGiven(letter.attendingPhysician(), "letter.attendingPhysician");
        }
        return new Checked(ins, establishment(letter.establishment(), "letter.establishment"), professional(letter.author(), "letter.author"),
                letter.attendingPhysician() == null ? null : professional(letter.attendingPhysician(), "letter.attendingPhysician"));
    }

    private static Ins identity(PersonIdentity person, LocalDate today, String document, String root) {
        // only a qualified INS leaves the DUI (RNIV); the refusal is IdentityRefusedException with the INS code
        Ins ins = IdentityGuard.requireQualified(person, "DMP " + document);
        notAfter(person.traits().birthDate(), today, root + ".person.traits.birthDate");
        if (person.traits().birthPlaceCog() == null) {
            throw refused(root + ".person.traits.birthPlaceCog", "required with a qualified INS: the INS traits (birth name, first names,"
                    + " birth date, birth place COG, sex) go with it (CI-SIS structuration minimale, SMDS_CDAClinicalDocument)");
        }
        return ins;
    }

    private Establishment establishment(Establishment establishment, String field) {
        Structure s = establishment.structure();
        Code facility = s.facilityTypeCode();
        if (!DmpCodes.isFacilityType(facility)) {
            throw refused(field + ".structure.facilityTypeCode", "a TRE_R02 SecteurActivite code (" + DmpCodes.FACILITY_SYSTEM
                    + "), e.g. SA17 EHPAD, SA16 établissement pour personnes handicapées, SA41 autre ESMS");
        }
        Code practice = s.practiceSettingCode();
        if (!PRACTICE_SETTING_SYSTEM.equals(practice.codeSystem())) {
            throw refused(field + ".structure.practiceSettingCode", "a practiceSettingCode of " + PRACTICE_SETTING_SYSTEM
                    + " (ESSMS or ETABLISSEMENT for an ESMS)");
        }
        Structure resolved = new Structure(s.finessGeographique(), s.finessJuridique(), s.name(),
                inValueSet(Terminology.ValueSet.FACILITY_TYPE, facility, field + ".structure.facilityTypeCode"),
                inValueSet(Terminology.ValueSet.PRACTICE_SETTING, practice, field + ".structure.practiceSettingCode"));
        return new Establishment(resolved, establishment.address(), establishment.phone());
    }

    /** A professional known only by RPPS is written once the directory gave their name, never with a placeholder. */
    private static void identityGiven(CareProfessional who, String field) {
        if (who.identityFromDirectory()) {
            throw refused(field + ".professional.familyName", "the professional's name is required; for one known only by RPPS, write the"
                    + " DLU with the directory (writeDlu(resident, replaces, connector.directory())) so that it is read from the Annuaire Santé");
        }
    }

    private CareProfessional professional(CareProfessional who, String field) {
        Professional p = who.professional();
        if (p.professionCode() == null) {
            return who;
        }
        Code profession = inValueSet(Terminology.ValueSet.AUTHOR_SPECIALTY, p.professionCode(), field + ".professional.professionCode");
        return new CareProfessional(new Professional(p.idKind(), p.id(), p.familyName(), p.givenName(), profession, p.roleCode()),
                who.address(), who.phone());
    }

    private void relationship(RelatedPerson person, String field) {
        if (person != null && person.relationship() != null) {
            inValueSet(Terminology.ValueSet.RELATIONSHIP, new Code(person.relationship(), RELATIONSHIP_SYSTEM, person.relationshipName()), field);
        }
    }

    /**
     * The code as the CDA carries it: refused outside the value set structuration minimale checks; its display name
     * the DUI's own, else the value set's. Without the kit's value sets, the DUI's display name is required.
     */
    private Code inValueSet(Terminology.ValueSet set, Code code, String field) {
        if (!terminology.holds(set)) {
            if (code.displayName().isBlank()) {
                throw refused(field + ".displayName", "required when the kit's value sets are not configured (" + set.jdv()
                        + "; CI-SIS structuration minimale: @displayName SHALL be present)");
            }
            return code;
        }
        Code concept = terminology.concept(set, code.code(), code.codeSystem()).orElseThrow(() -> refused(field,
                "a code of " + set.jdv() + " (" + code.code() + " of " + code.codeSystem() + " is not in it; CI-SIS structuration minimale)"));
        return code.displayName().isBlank() ? concept : code;
    }

    private static void treatment(Treatment t, LocalDate birth, LocalDate today, String field) {
        lived(t.start(), birth, today, field + ".start");
        ordered(t.start(), t.end(), field + ".end");
        notBefore(t.end(), birth, field + ".end");
        productCodes(t.codings(), field);
        if (t.dose() != null) {
            if (t.dose().signum() <= 0) {
                throw refused(field + ".dose", "a positive quantity per intake");
            }
            if (t.doseUnit() == null || t.doseUnit().isBlank()) {
                throw refused(field + ".doseUnit", "a dose has its unit (UCUM, or an annotation such as {comprimé})");
            }
        }
        if (t.timesPerDay() != null && (t.timesPerDay() < 1 || t.timesPerDay() > 24)) {
            throw refused(field + ".timesPerDay", "between 1 and 24 intakes a day");
        }
    }

    /** FR-Produit-de-sante: one CIS at most (it goes in {@code code}), the other codings CIP, UCD or ATC (translations). */
    private static void productCodes(List<Code> codings, String field) {
        Set<String> seen = new java.util.HashSet<>();
        boolean cis = false;
        for (int i = 0; i < codings.size(); i++) {
            Code code = codings.get(i);
            String name = i == 0 ? field + ".code" : field + ".otherCodes[" + (i - 1) + "]";
            if (!HealthProducts.SYSTEMS.containsKey(code.codeSystem())) {
                throw refused(name + ".codeSystem", "CIS (" + HealthProducts.CIS + "), CIP (" + HealthProducts.CIP + "), UCD ("
                        + HealthProducts.UCD + ") or ATC (" + HealthProducts.ATC + ")");
            }
            if (HealthProducts.CIS.equals(code.codeSystem())) {
                if (cis) {
                    throw refused(name, "one CIS per product (FR-Produit-de-sante: the CIS is the product's code, E_produitDeSante_fr [1])");
                }
                cis = true;
            }
            if (!seen.add(code.code() + "|" + code.codeSystem())) {
                throw refused(name, "each coding once (" + code.code() + " is repeated)");
            }
        }
    }
    private void attachments(List<AttachedDocument> documents) {
        Set<ChecklistItem> seen = EnumSet.noneOf(ChecklistItem.class);
        long total = 0;
        for (int i = 0; i < documents.size(); i++) {
            AttachedDocument d = documents.get(i);
            String field = "resident.attachedDocuments[" + i + "]";
            if (!seen.add(d.item())) {
                throw refused(field + ".item", "each checklist item (" + d.item().code() + ") appears once");
            }
            if (d.hasPdf()) {
                if (!d.attached()) {
                    throw refused(field + ".attached", "a document whose PDF is embedded is attached");
                }
                byte[] pdf = d.pdf();
                pdf(pdf, field + ".pdf");
                total += pdf.length;
            }
        }
        if (total > maxAttachmentBytes) {
            throw new InvalidInputException(DmpErrorCode.ATTACHMENT, "resident.attachedDocuments",
                    "the embedded PDFs total " + total + " bytes, over the configured " + maxAttachmentBytes);
        }
    }

    private void pdf(byte[] pdf, String field) {
        if (!PdfContent.hasPdfHeader(pdf)) {
            throw new InvalidInputException(DmpErrorCode.ATTACHMENT, field, "a PDF document (starting with %PDF-)");
        }
        if (pdf.length > maxAttachmentBytes) {
            throw new InvalidInputException(DmpErrorCode.ATTACHMENT, field, pdf.length + " bytes, over the configured " + maxAttachmentBytes);
        }
    }

    /** A date of the person's life: not before their birth, not in the future. */
    private static void lived(LocalDate date, LocalDate birth, LocalDate today, String field) {
        notAfter(date, today, field);
        notBefore(date, birth, field);
    }

    private static void notBefore(LocalDate date, LocalDate birth, String field) {
        if (date != null && date.isBefore(birth)) {
            throw refused(field, "a date not before the birth date (" + date + " is before " + birth + ")");
        }
    }

    private static void notAfter(LocalDate date, LocalDate today, String field) {
        if (date != null && date.isAfter(today)) {
            throw refused(field, "a date not in the future (" + date + " is after " + today + ")");
        }
    }

    private static void ordered(LocalDate start, LocalDate end, String field) {
        if (start != null && end != null && end.isBefore(start)) {
            throw refused(field, "not before the start date (" + end + " is before " + start + ")");
        }
    }

    private static InvalidInputException refused(String field, String rule) {
        return new InvalidInputException(DmpErrorCode.DOCUMENT_CONTENT, field, rule);
    }
}
