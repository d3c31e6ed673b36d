package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.Allergy;
import fr.duiconnect.core.dmp.content.AttachedDocument;
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
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.dmp.DmpErrorCode;
import fr.duiconnect.dmp.xds.DmpCodes;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks run before a document is written, whatever else validates it later: qualified INS, what the volet
 * requires, dates that make sense, codes from the lists the volet names, attachments that are PDFs of a bounded
 * size. The first refusal names the field (with its index in a list) and the rule. Stateless.
 */
final class DocumentPreChecks {

    /** Code system of the practiceSettingCode (CDA standardIndustryClassCode), e.g. ESSMS, ETABLISSEMENT. */
    static final String PRACTICE_SETTING_SYSTEM = "1.2.250.1.213.1.1.4.9";
    private static final String CIS = "1.2.250.1.213.2.3.1";
    private static final String CIP = "1.2.250.1.213.2.3.2";
    private static final String ATC = "2.16.840.1.113883.6.73";
    private static final Set<String> MEDICATION_SYSTEMS = Set.of(CIS, CIP, ATC);

    private final long maxAttachmentBytes;

    DocumentPreChecks(long maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    Ins dlu(ResidentRecord resident, LocalDate today) {
        Ins ins = identity(resident.person(), today, "DLU");
        establishment(resident.establishment());
        if (resident.attendingPhysician() == null) {
            throw refused("resident.attendingPhysician", "the DLU names the médecin traitant (participant INF/PCP, 1..1 in DLU-EHPAD 2022.01)");
        }
        notAfter(resident.admittedOn(), today, "resident.admittedOn");
        List<Pathology> pathologies = resident.activePathologies();
        for (int i = 0; i < pathologies.size(); i++) {
            notAfter(pathologies.get(i).since(), today, "resident.activePathologies[" + i + "].since");
        }
        List<Allergy> allergies = resident.allergies();
        for (int i = 0; i < allergies.size(); i++) {
            Allergy a = allergies.get(i);
            notAfter(a.since(), today, "resident.allergies[" + i + "].since");
            ordered(a.since(), a.until(), "resident.allergies[" + i + "].until");
        }
        List<Treatment> treatments = resident.treatments();
        for (int i = 0; i < treatments.size(); i++) {
            treatment(treatments.get(i), "resident.treatments[" + i + "]");
        }
        List<Vaccination> vaccinations = resident.vaccinations();
        for (int i = 0; i < vaccinations.size(); i++) {
            Vaccination v = vaccinations.get(i);
            notAfter(v.date(), today, "resident.vaccinations[" + i + "].date");
            medicationCode(v.code(), "resident.vaccinations[" + i + "].code");
        }
        attachments(resident.attachedDocuments());
        return ins;
    }

    Ins letter(LiaisonLetter letter, LocalDate today) {
        Ins ins = identity(letter.person(), today, "liaison letter");
        establishment(letter.establishment());
        ordered(letter.stayStart(), letter.stayEnd(), "letter.stayEnd");
        notAfter(letter.stayStart(), today, "letter.stayStart");
        pdf(letter.pdf(), "letter.pdf");
        return ins;
    }

    private static Ins identity(PersonIdentity person, LocalDate today, String document) {
        // only a qualified INS leaves the DUI (RNIV); the refusal is IdentityRefusedException with the INS code
        Ins ins = IdentityGuard.requireQualified(person, "DMP " + document);
        notAfter(person.traits().birthDate(), today, "person.traits.birthDate");
        return ins;
    }

    private static void establishment(Establishment establishment) {
        Code facility = establishment.structure().facilityTypeCode();
        if (!DmpCodes.isFacilityType(facility)) {
            throw refused("establishment.structure.facilityTypeCode", "a TRE_R02 SecteurActivite code (" + DmpCodes.FACILITY_SYSTEM
                    + "), e.g. SA17 EHPAD, SA16 établissement pour personnes handicapées, SA41 autre ESMS");
        }
        Code practice = establishment.structure().practiceSettingCode();
        if (!PRACTICE_SETTING_SYSTEM.equals(practice.codeSystem())) {
            throw refused("establishment.structure.practiceSettingCode", "a practiceSettingCode of " + PRACTICE_SETTING_SYSTEM
                    + " (ESSMS or ETABLISSEMENT for an ESMS)");
        }
    }

    private static void treatment(Treatment t, String field) {
        ordered(t.start(), t.end(), field + ".end");
        medicationCode(t.code(), field + ".code");
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

    private static void medicationCode(Code code, String field) {
        if (code != null && !MEDICATION_SYSTEMS.contains(code.codeSystem())) {
            throw refused(field + ".codeSystem", "CIS (" + CIS + "), CIP (" + CIP + ") or ATC (" + ATC + ")");
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
        if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F' || pdf[4] != '-') {
            throw new InvalidInputException(DmpErrorCode.ATTACHMENT, field, "a PDF document (starting with %PDF-)");
        }
        if (pdf.length > maxAttachmentBytes) {
            throw new InvalidInputException(DmpErrorCode.ATTACHMENT, field, pdf.length + " bytes, over the configured " + maxAttachmentBytes);
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
