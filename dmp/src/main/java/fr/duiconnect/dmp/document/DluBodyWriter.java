package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.AdvanceDirectives;
import fr.duiconnect.core.dmp.content.Allergy;
import fr.duiconnect.core.dmp.content.AttachedDocument;
import fr.duiconnect.core.dmp.content.BmrStatus;
import fr.duiconnect.core.dmp.content.ChecklistItem;
import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.dmp.content.Pathology;
import fr.duiconnect.core.dmp.content.PatientObservation;
import fr.duiconnect.core.dmp.content.PreferredFacility;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.dmp.content.Treatment;
import fr.duiconnect.core.dmp.content.Vaccination;
import fr.duiconnect.core.model.Code;

import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes the structured body of a DLU-EHPAD 2022.01: its sections in the order of the volet, each with the IHE PCC,
 * CCD and CI-SIS templateIds, a narrative a person can read and the coded entries that point into it.
 */
final class DluBodyWriter {

    private static final String SNOMED = "2.16.840.1.113883.6.96";
    private static final String CIM10 = "2.16.840.1.113883.6.3";

    private final CdaXml xml;
    private final Supplier<String> ids;
    private int narrativeIds;

    DluBodyWriter(CdaXml xml, Supplier<String> ids) {
        this.xml = xml;
        this.ids = ids;
    }

    void write(ResidentRecord resident) {
        xml.start("component").start("structuredBody");
        dispositions(resident.preferredFacility(), resident.establishment());
        if (!resident.activePathologies().isEmpty()) {
            activePathologies(resident.activePathologies());
        }
        if (!resident.allergies().isEmpty()) {
            allergies(resident.allergies());
        }
        treatments(resident.treatments());
        carePlan(resident.advanceDirectives());
        advanceDirectives(resident.advanceDirectives());
        observations(resident.observations());
        bmr(resident.bmr(), resident.bmrDetails());
        if (!resident.vaccinations().isEmpty()) {
            vaccinations(resident.vaccinations());
        }
        if (resident.comment() != null && !resident.comment().isBlank()) {
            comment(resident.comment());
        }
        attachedDocuments(resident.attachedDocuments());
        xml.end().end();
    }

    // ------------------------------------------------------------------ sections

    private void dispositions(PreferredFacility facility, Establishment origin) {
        section("Etablissement de santé de préférence", "11302-7", "Etablissement de santé de préférence",
                "1.3.6.1.4.1.19376.1.5.3.1.1.13.2.10", "1.2.250.1.213.1.1.2.172");
        String ref = narrativeId("disposition");
        xml.start("text");
        if (facility == null) {
            xml.start("content", "ID", ref).text("Aucun établissement de santé de préférence renseigné").end();
        } else {
            xml.start("content", "ID", ref).text(facility.name()).end();
            if (facility.address() != null) {
                xml.empty("br").text(facility.address().street()).empty("br")
                        .text(facility.address().postalCode() + " " + facility.address().city());
            }
        }
        xml.end();
        xml.start("entry").start("act", "classCode", "ACT", "moodCode", "INT");
        templates("1.3.6.1.4.1.19376.1.5.3.1.1.10.4.2", "1.2.250.1.213.1.1.3.97");
        xml.empty("id", "root", ids.get());
        loinc("11302-7", "Etablissement de santé de préférence");
        reference("text", ref);
        xml.empty("statusCode", "code", "normal");
        xml.empty("effectiveTime", "nullFlavor", "NAV");
        facilityParticipant("ORG", origin.structure().finessGeographique().asStructureNationalId(), origin.structure().name(),
                origin.address(), origin.phone());
        if (facility != null) {
            String finess = facility.finess() == null ? null : facility.finess().asStructureNationalId();
            facilityParticipant("RCV", finess, facility.name(), facility.address(), facility.phone());
            facilityParticipant("DST", finess, facility.name(), facility.address(), facility.phone());
        }
        xml.end().end();
        endSection();
    }

    private void facilityParticipant(String type, String structureId, String name, fr.duiconnect.core.dmp.content.PostalAddress address, String phone) {
        xml.start("participant", "typeCode", type);
        xml.empty("time", "nullFlavor", "NAV");
        xml.start("participantRole", "classCode", "ROL");
        if (structureId != null) {
            xml.empty("id", "root", CdaHeaderWriter.STRUCT_ID_NAT, "extension", structureId);
        } else {
            xml.empty("id", "nullFlavor", "UNK");
        }
        CdaHeaderWriter.address(xml, address);
        CdaHeaderWriter.telecom(xml, phone, "WP");
        xml.start("playingEntity").element("name", name).end();
        xml.end().end();
    }

    private void activePathologies(List<Pathology> pathologies) {
        section("Pathologies en cours", "11450-4", "Liste des problèmes actifs",
                "2.16.840.1.113883.10.20.1.11", "1.3.6.1.4.1.19376.1.5.3.1.3.6", "1.2.250.1.213.1.1.2.132");
        String[] refs = new String[pathologies.size()];
        table(List.of("Depuis le", "Pathologie"), pathologies.size(), row -> {
            Pathology p = pathologies.get(row);
            xml.element("td", Hl7Time.readable(p.since()));
            refs[row] = narrativeId("pathologie");
            xml.start("td").start("content", "ID", refs[row]).text(p.label() + " (" + p.cim10() + ")").end().end();
        });
        for (int i = 0; i < pathologies.size(); i++) {
            Pathology p = pathologies.get(i);
            xml.start("entry").start("act", "classCode", "ACT", "moodCode", "EVN");
            templates("2.16.840.1.113883.10.20.1.27", "1.3.6.1.4.1.19376.1.5.3.1.4.5.1", "1.3.6.1.4.1.19376.1.5.3.1.4.5.2",
                    "1.2.250.1.213.1.1.3.39");
            xml.empty("id", "root", ids.get());
            xml.empty("code", "nullFlavor", "NA");
            xml.empty("statusCode", "code", "active");
            interval(p.since(), null);
            xml.start("entryRelationship", "typeCode", "SUBJ", "inversionInd", "false");
            xml.start("observation", "classCode", "OBS", "moodCode", "EVN", "negationInd", "false");
            templates("2.16.840.1.113883.10.20.1.28", "1.3.6.1.4.1.19376.1.5.3.1.4.5", "1.2.250.1.213.1.1.3.37");
            xml.empty("id", "root", ids.get());
            xml.empty("code", "code", "282291009", "displayName", "interprétation diagnostique", "codeSystem", SNOMED, "codeSystemName", "SNOMED CT");
            reference("text", refs[i]);
            xml.empty("statusCode", "code", "completed");
            interval(p.since(), null);
            xml.start("value", "xsi:type", "CD", "code", p.cim10(), "displayName", p.label(), "codeSystem", CIM10, "codeSystemName", "CIM-10");
            reference("originalText", refs[i]);
            xml.end();
            xml.end().end();
            xml.end().end();
        }
        endSection();
    }

    private void allergies(List<Allergy> allergies) {
        section("Allergies et hypersensibilités", "48765-2", "Allergies et hypersensibilités",
                "2.16.840.1.113883.10.20.1.2", "1.3.6.1.4.1.19376.1.5.3.1.3.13", "1.2.250.1.213.1.1.2.137");
        String[] refs = new String[allergies.size()];
        table(List.of("Date début", "Date fin", "Type d'allergie", "Agent"), allergies.size(), row -> {
            Allergy a = allergies.get(row);
            xml.element("td", Hl7Time.readable(a.since()));
            xml.element("td", Hl7Time.readable(a.until()));
            xml.element("td", a.kind().displayName());
            refs[row] = narrativeId("allergie");
            xml.start("td").start("content", "ID", refs[row]).text(a.agent()).end().end();
        });
        xml.start("entry").start("act", "classCode", "ACT", "moodCode", "EVN");
        templates("2.16.840.1.113883.10.20.1.27", "1.3.6.1.4.1.19376.1.5.3.1.4.5.1", "1.3.6.1.4.1.19376.1.5.3.1.4.5.3",
                "1.2.250.1.213.1.1.3.40");
        xml.empty("id", "root", ids.get());
        xml.empty("code", "nullFlavor", "NA");
        xml.empty("statusCode", "code", "active");
        interval(null, null);
        for (int i = 0; i < allergies.size(); i++) {
            Allergy a = allergies.get(i);
            xml.start("entryRelationship", "typeCode", "SUBJ", "inversionInd", "false");
            xml.start("observation", "classCode", "OBS", "moodCode", "EVN");
            templates("2.16.840.1.113883.10.20.1.18", "2.16.840.1.113883.10.20.1.28", "1.3.6.1.4.1.19376.1.5.3.1.4.5",
                    "1.3.6.1.4.1.19376.1.5.3.1.4.6", "1.2.250.1.213.1.1.3.41");
            xml.empty("id", "root", ids.get());
            xml.empty("code", "code", a.kind().snomed(), "displayName", a.kind().displayName(), "codeSystem", SNOMED, "codeSystemName", "SNOMED CT");
            reference("text", refs[i]);
            xml.empty("statusCode", "code", "completed");
            interval(a.since(), a.until());
            xml.start("value", "xsi:type", "CD");
            reference("originalText", refs[i]);
            xml.end();
            xml.start("participant", "typeCode", "CSM").start("participantRole", "classCode", "MANU")
                    .start("playingEntity", "classCode", "MMAT");
            xml.start("code", "nullFlavor", "OTH");
            reference("originalText", refs[i]);
            xml.end();
            xml.element("name", a.agent());
            xml.end().end().end();
            xml.end().end();
        }
        xml.end().end();
        endSection();
    }

    private void treatments(List<Treatment> treatments) {
        section("Traitements au long cours", "10160-0", "Historique de la prise médicamenteuse",
                "2.16.840.1.113883.10.20.1.8", "1.3.6.1.4.1.19376.1.5.3.1.3.19", "1.2.250.1.213.1.1.2.143");
        if (treatments.isEmpty()) {
            noTreatment();
            return;
        }
        String[] refs = new String[treatments.size()];
        table(List.of("Date de début", "Date de fin", "Médicament", "Posologie"), treatments.size(), row -> {
            Treatment t = treatments.get(row);
            xml.element("td", Hl7Time.readable(t.start()));
            xml.element("td", t.end() == null ? "au long cours" : Hl7Time.readable(t.end()));
            refs[row] = narrativeId("traitement");
            xml.start("td").start("content", "ID", refs[row]).text(t.medication()).end().end();
            xml.element("td", posology(t));
        });
        for (int i = 0; i < treatments.size(); i++) {
            Treatment t = treatments.get(i);
            xml.start("entry").start("substanceAdministration", "classCode", "SBADM", "moodCode", "INT");
            templates("2.16.840.1.113883.10.20.1.24", "1.3.6.1.4.1.19376.1.5.3.1.4.7", "1.2.250.1.213.1.1.3.42",
                    "1.3.6.1.4.1.19376.1.5.3.1.4.7.1");
            xml.empty("id", "root", ids.get());
            reference("text", refs[i]);
            xml.empty("statusCode", "code", "completed");
            xml.start("effectiveTime", "xsi:type", "IVL_TS");
            dateOrNull("low", t.start());
            dateOrNull("high", t.end());
            xml.end();
            if (t.timesPerDay() != null && 24 % t.timesPerDay() == 0) {
                xml.start("effectiveTime", "xsi:type", "PIVL_TS", "institutionSpecified", "true", "operator", "A")
                        .empty("period", "value", Integer.toString(24 / t.timesPerDay()), "unit", "h").end();
            }
            if (t.dose() != null) {
                // CI-SIS FR-Traitement: a dose is a range; a fixed dose is the range from it to itself
                String dose = t.dose().stripTrailingZeros().toPlainString();
                xml.start("doseQuantity").empty("low", "value", dose, "unit", t.doseUnit()).empty("high", "value", dose, "unit", t.doseUnit()).end();
            }
            product(t.code(), t.medication(), refs[i], null);
            xml.end().end();
        }
        endSection();
    }

    /** "No current treatment" as IHE PCC wants it: a Medications entry, negated, for no particular medication. */
    private void noTreatment() {
        String ref = narrativeId("traitement");
        xml.start("text").start("content", "ID", ref).text("Aucun traitement en cours").end().end();
        xml.start("entry").start("substanceAdministration", "classCode", "SBADM", "moodCode", "INT", "negationInd", "true");
        templates("2.16.840.1.113883.10.20.1.24", "1.3.6.1.4.1.19376.1.5.3.1.4.7", "1.2.250.1.213.1.1.3.42",
                "1.3.6.1.4.1.19376.1.5.3.1.4.7.1");
        xml.empty("id", "root", ids.get());
        reference("text", ref);
        xml.empty("statusCode", "code", "completed");
        xml.start("effectiveTime", "xsi:type", "IVL_TS");
        dateOrNull("low", null);
        dateOrNull("high", null);
        xml.end();
        product(null, "Aucun traitement", ref, null);
        xml.end().end();
        endSection();
    }

    private void carePlan(AdvanceDirectives directives) {
        section("Soins palliatifs", "18776-5", "Plan de soins",
                "2.16.840.1.113883.10.20.1.10", "1.3.6.1.4.1.19376.1.5.3.1.3.36", "1.2.250.1.213.1.1.2.158");
        String ref = narrativeId("soins-palliatifs");
        table(List.of("Plan de soins", "Choix"), 1, row -> {
            xml.element("td", "Soins palliatifs");
            xml.start("td").start("content", "ID", ref).text(directives.palliativeCare() ? "oui" : "non").end().end();
        });
        xml.start("entry").start("procedure", "classCode", "PROC", "moodCode", "EVN", "negationInd", Boolean.toString(!directives.palliativeCare()));
        templates("1.3.6.1.4.1.19376.1.5.3.1.4.19", "2.16.840.1.113883.10.20.1.29", "1.2.250.1.213.1.1.3.62");
        xml.empty("id", "root", ids.get());
        xml.empty("code", "code", "103735009", "displayName", "Soins palliatifs", "codeSystem", SNOMED, "codeSystemName", "SNOMED CT");
        reference("text", ref);
        xml.empty("statusCode", "code", "active");
        xml.empty("effectiveTime", "nullFlavor", "UNK");
        xml.end().end();
        endSection();
    }

    private void advanceDirectives(AdvanceDirectives directives) {
        section("Directives anticipées", "42348-3", "Directives anticipées",
                "2.16.840.1.113883.10.20.1.1", "1.3.6.1.4.1.19376.1.5.3.1.3.34", "1.3.6.1.4.1.19376.1.5.3.1.3.35",
                "1.2.250.1.213.1.1.2.157");
        String ref = narrativeId("directives");
        table(List.of("Directive", "Choix du patient"), 1, row -> {
            xml.element("td", "Directives anticipées");
            String answer = directives.written() ? "oui" : "non";
            if (directives.written() && directives.whereKept() != null) {
                answer += " (" + directives.whereKept() + ")";
            }
            xml.start("td").start("content", "ID", ref).text(answer).end().end();
        });
        xml.start("entry").start("observation", "classCode", "OBS", "moodCode", "EVN");
        templates("2.16.840.1.113883.10.20.1.17", "1.3.6.1.4.1.19376.1.5.3.1.4.13", "1.3.6.1.4.1.19376.1.5.3.1.4.13.7",
                "1.2.250.1.213.1.1.3.54");
        xml.empty("id", "root", ids.get());
        loinc("42348-3", "Directives anticipées");
        reference("text", ref);
        xml.empty("statusCode", "code", "completed");
        interval(null, null);
        xml.empty("value", "xsi:type", "BL", "value", Boolean.toString(directives.written()));
        xml.end().end();
        endSection();
    }

    /**
     * Every observation of the DLU form, in its order: yes, no, or "non renseigné" (value nullFlavor NASK) for what the
     * DUI did not assess, so the emergency team sees what is unknown rather than a silent gap.
     */
    private void observations(Map<PatientObservation, Boolean> observations) {
        section("Observations", "42545-4", "Evènements observés",
                "1.3.6.1.4.1.19376.1.5.3.1.1.21.2.9", "1.3.6.1.4.1.19376.1.7.3.1.1.13.7", "1.2.250.1.213.1.1.2.163");
        Map<PatientObservation, String> refs = new EnumMap<>(PatientObservation.class);
        xml.start("text");
        for (PatientObservation.Group group : PatientObservation.Group.values()) {
            List<PatientObservation> rows = java.util.Arrays.stream(PatientObservation.values()).filter(o -> o.group() == group).toList();
            if (group.ordinal() > 0) {
                xml.empty("br");
            }
            tableBody(List.of(group.title(), "Observation"), rows.size(), row -> {
                PatientObservation o = rows.get(row);
                refs.put(o, narrativeId("observation"));
                xml.start("td").start("content", "ID", refs.get(o)).text(o.label()).end().end();
                Boolean answer = observations.get(o);
                xml.element("td", answer == null ? "non renseigné" : answer ? "oui" : "non");
            });
        }
        xml.end();
        for (PatientObservation o : PatientObservation.values()) {
            xml.start("entry");
            simpleObservation(new Code(o.snomed(), SNOMED, o.displayName()), "SNOMED CT", refs.get(o), observations.get(o), "NA", "NASK");
            xml.end();
        }
        endSection();
    }

    private void bmr(BmrStatus status, String details) {
        section("Résultats d'examens", "30954-2", "Résultats d'examens",
                "1.3.6.1.4.1.19376.1.5.3.1.3.27", "1.3.6.1.4.1.19376.1.5.3.1.3.28", "1.2.250.1.213.1.1.2.151");
        String ref = narrativeId("bmr");
        String answer = switch (status) {
            case CARRIER -> "oui";
            case NOT_CARRIER -> "non";
            case UNKNOWN -> "inconnu";
        };
        if (details != null && !details.isBlank()) {
            answer += " (" + details + ")";
        }
        String shown = answer;
        table(List.of("Examen", "Résultat"), 1, row -> {
            xml.start("td").start("content", "ID", ref).text("Le patient porte-t-il une bactérie multirésistante ?").end().end();
            xml.element("td", shown);
        });
        // IHE PCC coded results: the section holds the act (the BMR screening) as well as its result
        xml.start("entry").start("procedure", "classCode", "PROC", "moodCode", "EVN");
        templates("1.3.6.1.4.1.19376.1.5.3.1.4.19", "2.16.840.1.113883.10.20.1.29", "1.2.250.1.213.1.1.3.62");
        xml.empty("id", "root", ids.get());
        xml.empty("code", "nullFlavor", "NA");
        reference("text", ref);
        xml.empty("statusCode", "code", "completed");
        xml.end().end();
        xml.start("entry");
        simpleObservation(new Code("U83.71", CIM10, "Bactérie multirésistante [BMR]"), "CIM-10", ref,
                status == BmrStatus.UNKNOWN ? null : status == BmrStatus.CARRIER, "NASK", "UNK");
        xml.end();
        endSection();
    }

    private void vaccinations(List<Vaccination> vaccinations) {
        section("Vaccinations du patient", "11369-6", "Historique des vaccinations",
                "2.16.840.1.113883.10.20.1.6", "1.3.6.1.4.1.19376.1.5.3.1.3.23", "1.2.250.1.213.1.1.2.147");
        String[] refs = new String[vaccinations.size()];
        table(List.of("Vaccin", "Date", "Lot"), vaccinations.size(), row -> {
            Vaccination v = vaccinations.get(row);
            refs[row] = narrativeId("vaccin");
            xml.start("td").start("content", "ID", refs[row]).text(v.vaccine()).end().end();
            xml.element("td", v.date() == null ? "effectué, date inconnue" : Hl7Time.readable(v.date()));
            xml.element("td", v.lot() == null ? "" : v.lot());
        });
        for (int i = 0; i < vaccinations.size(); i++) {
            Vaccination v = vaccinations.get(i);
            xml.start("entry").start("substanceAdministration", "classCode", "SBADM", "moodCode", "EVN", "negationInd", "false");
            templates("2.16.840.1.113883.10.20.1.24", "1.3.6.1.4.1.19376.1.5.3.1.4.12", "1.2.250.1.213.1.1.3.45");
            xml.empty("id", "root", ids.get());
            xml.empty("code", "code", "IMMUNIZ", "displayName", "Immunization", "codeSystem", "2.16.840.1.113883.5.4", "codeSystemName", "ActCode");
            reference("text", refs[i]);
            xml.empty("statusCode", "code", "completed");
            if (v.date() != null) {
                xml.empty("effectiveTime", "value", Hl7Time.of(v.date()));
            } else {
                xml.empty("effectiveTime", "nullFlavor", "UNK");
            }
            product(v.code(), v.vaccine(), refs[i], v.lot());
            xml.end().end();
        }
        endSection();
    }

    private void comment(String comment) {
        section("Commentaires", "55112-7", "Commentaire",
                "2.16.840.1.113883.10.12.201", "1.3.6.1.4.1.19376.1.4.1.2.16", "1.2.250.1.213.1.1.2.73");
        xml.element("text", comment);
        endSection();
    }

    private void attachedDocuments(List<AttachedDocument> documents) {
        section("Checklist des documents annexés au DLU", "55107-7", "Documents ajoutés", "1.2.250.1.213.1.1.2.37");
        Map<ChecklistItem, AttachedDocument> byItem = new EnumMap<>(ChecklistItem.class);
        documents.forEach(d -> byItem.put(d.item(), d));
        Map<ChecklistItem, String> refs = new EnumMap<>(ChecklistItem.class);
        Map<ChecklistItem, String> media = new EnumMap<>(ChecklistItem.class);
        ChecklistItem[] items = ChecklistItem.values();
        table(List.of("Document", "Annexé au DLU"), items.length, row -> {
            ChecklistItem item = items[row];
            AttachedDocument d = byItem.get(item);
            refs.put(item, narrativeId("document"));
            xml.start("td").start("content", "ID", refs.get(item)).text(item.displayName()).end().end();
            xml.start("td").text(d != null && d.attached() ? "oui" : "non");
            if (d != null && d.hasPdf()) {
                media.put(item, narrativeId("document-pdf"));
                xml.empty("renderMultiMedia", "referencedObject", media.get(item));
            }
            xml.end();
        });
        for (ChecklistItem item : items) {
            AttachedDocument d = byItem.get(item);
            if (d == null || !d.hasPdf()) {
                continue;     // a document on paper is listed in the narrative; FR-Document-attache carries the document itself
            }
            xml.start("entry").start("organizer", "classCode", "CLUSTER", "moodCode", "EVN");
            templates("1.2.250.1.213.1.1.3.18");
            xml.empty("id", "root", ids.get());
            loinc("55107-7", "Document attaché");
            xml.empty("statusCode", "code", "completed");
            xml.start("component").start("observation", "classCode", "OBS", "moodCode", "EVN");
            templates("1.3.6.1.4.1.19376.1.5.3.1.4.13", "1.2.250.1.213.1.1.3.48", "1.2.250.1.213.1.1.3.48.18");
            xml.empty("id", "root", ids.get());
            loinc("69764-9", "Type de document");
            reference("text", refs.get(item));
            xml.empty("statusCode", "code", "completed");
            xml.empty("effectiveTime", "nullFlavor", "NA");
            xml.empty("value", "xsi:type", "CD", "code", item.code(), "displayName", item.displayName(),
                    "codeSystem", ChecklistItem.CODE_SYSTEM, "codeSystemName", "TA_ASIP");
            xml.end().end();
            xml.start("component").start("observationMedia", "classCode", "OBS", "moodCode", "EVN", "ID", media.get(item));
            xml.start("value", "mediaType", "application/pdf", "representation", "B64")
                    .text(Base64.getMimeEncoder(76, new byte[]{'\n'}).encodeToString(d.pdf())).end();
            xml.end().end();
            xml.end().end();
        }
        endSection();
    }

    // ------------------------------------------------------------------ building blocks

    private void section(String title, String loinc, String loincName, String... templateIds) {
        xml.start("component").start("section");
        templates(templateIds);
        xml.empty("id", "root", ids.get());
        loinc(loinc, loincName);
        xml.element("title", title);
    }

    private void endSection() {
        xml.end().end();
    }

    private void templates(String... roots) {
        for (String root : roots) {
            xml.empty("templateId", "root", root);
        }
    }

    private void loinc(String code, String displayName) {
        xml.empty("code", "code", code, "displayName", displayName, "codeSystem", CdaHeaderWriter.LOINC, "codeSystemName", "LOINC");
    }

    private void reference(String element, String narrativeId) {
        xml.start(element).empty("reference", "value", "#" + narrativeId).end();
    }

    private void interval(LocalDate low, LocalDate high) {
        xml.start("effectiveTime");
        dateOrNull("low", low);
        if (high != null) {
            xml.empty("high", "value", Hl7Time.of(high));
        }
        xml.end();
    }

    private void dateOrNull(String element, LocalDate date) {
        if (date != null) {
            xml.empty(element, "value", Hl7Time.of(date));
        } else {
            xml.empty(element, "nullFlavor", "UNK");
        }
    }

    /** A yes/no observation (IHE simple observation, FR-Simple-Observation); a null answer is written as nullFlavor. */
    private void simpleObservation(Code code, String codeSystemName, String ref, Boolean answer, String unknownTimeFlavor, String unknownAnswerFlavor) {
        xml.start("observation", "classCode", "OBS", "moodCode", "EVN");
        templates("1.3.6.1.4.1.19376.1.5.3.1.4.13", "1.2.250.1.213.1.1.3.48");
        xml.empty("id", "root", ids.get());
        xml.empty("code", "code", code.code(), "displayName", code.displayName(), "codeSystem", code.codeSystem(), "codeSystemName", codeSystemName);
        reference("text", ref);
        xml.empty("statusCode", "code", "completed");
        xml.empty("effectiveTime", "nullFlavor", unknownTimeFlavor);
        if (answer == null) {
            xml.empty("value", "xsi:type", "BL", "nullFlavor", unknownAnswerFlavor);
        } else {
            xml.empty("value", "xsi:type", "BL", "value", answer.toString());
        }
        xml.end();
    }

    /** consumable/manufacturedProduct of a medication or vaccine: coded when the DUI holds a code, named always. */
    private void product(Code code, String name, String ref, String lot) {
        xml.start("consumable", "typeCode", "CSM").start("manufacturedProduct", "classCode", "MANU");
        templates("2.16.840.1.113883.10.20.1.53", "1.3.6.1.4.1.19376.1.5.3.1.4.7.2", "1.2.250.1.213.1.1.3.43");
        xml.start("manufacturedMaterial", "classCode", "MMAT");
        if (code != null) {
            xml.start("code", "code", code.code(), "displayName", code.displayName().isEmpty() ? name : code.displayName(),
                    "codeSystem", code.codeSystem());
        } else {
            xml.start("code", "nullFlavor", "OTH");
        }
        reference("originalText", ref);
        xml.end();
        xml.element("name", name);
        if (lot != null) {
            xml.element("lotNumberText", lot);
        }
        xml.end().end().end();
    }

    private static String posology(Treatment t) {
        StringBuilder text = new StringBuilder();
        if (t.dose() != null) {
            text.append(t.dose().stripTrailingZeros().toPlainString()).append(' ').append(unitLabel(t.doseUnit()));
        }
        if (t.timesPerDay() != null) {
            text.append(text.isEmpty() ? "" : ", ").append(t.timesPerDay()).append(" fois par jour");
        }
        if (t.instructions() != null && !t.instructions().isBlank()) {
            text.append(text.isEmpty() ? "" : " — ").append(t.instructions());
        }
        return text.toString();
    }

    private static String unitLabel(String unit) {
        return unit.startsWith("{") && unit.endsWith("}") ? unit.substring(1, unit.length() - 1) : unit;
    }

    private String narrativeId(String prefix) {
        return prefix + "-" + (++narrativeIds);
    }

    private interface Row {
        void write(int row);
    }

    /** A narrative table inside its own {@code <text>}. */
    private void table(List<String> headers, int rows, Row row) {
        xml.start("text");
        tableBody(headers, rows, row);
        xml.end();
    }

    private void tableBody(List<String> headers, int rows, Row row) {
        xml.start("table", "border", "0").start("thead").start("tr");
        headers.forEach(h -> xml.element("th", h));
        xml.end().end().start("tbody");
        for (int i = 0; i < rows; i++) {
            xml.start("tr");
            row.write(i);
            xml.end();
        }
        xml.end().end();
    }

    static String uuid() {
        return UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
    }
}
