package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.AttachedDocument;
import fr.duiconnect.core.dmp.content.BmrStatus;
import fr.duiconnect.core.dmp.content.ChecklistItem;
import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.dmp.content.PatientObservation;
import fr.duiconnect.core.dmp.content.PostalAddress;
import fr.duiconnect.core.dmp.content.PreferredFacility;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.model.Code;

import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the structured body of a DLU-EHPAD 2022.01: its sections in the order of the volet, each with the IHE PCC,
 * CCD and CI-SIS templateIds, a narrative a person can read and the coded entries that point into it.
 */
final class DluBodyWriter extends SectionWriter {

    private final PccSections clinical;

    DluBodyWriter(CdaXml xml, Supplier<String> ids) {
        super(xml, ids);
        this.clinical = new PccSections(this);
    }

    void write(ResidentRecord resident) {
        xml.start("component").start("structuredBody");
        dispositions(resident.preferredFacility(), resident.establishment());
        if (!resident.activePathologies().isEmpty()) {
            clinical.activePathologies(resident.activePathologies());
        }
        if (!resident.allergies().isEmpty()) {
            clinical.allergies(resident.allergies());
        }
        clinical.treatments(resident.treatments());
        clinical.carePlan(resident.advanceDirectives());
        clinical.advanceDirectives(resident.advanceDirectives());
        observations(resident.observations());
        bmr(resident.bmr(), resident.bmrDetails());
        if (!resident.vaccinations().isEmpty()) {
            clinical.vaccinations(resident.vaccinations());
        }
        if (resident.comment() != null && !resident.comment().isBlank()) {
            clinical.comment(resident.comment());
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

    private void facilityParticipant(String type, String structureId, String name, PostalAddress address, String phone) {
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
















}
