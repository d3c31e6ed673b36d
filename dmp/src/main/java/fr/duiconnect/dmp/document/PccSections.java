package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.AdvanceDirectives;
import fr.duiconnect.core.dmp.content.Allergy;
import fr.duiconnect.core.dmp.content.Pathology;
import fr.duiconnect.core.dmp.content.Treatment;
import fr.duiconnect.core.dmp.content.Vaccination;

import java.util.List;

/**
 * The clinical sections of IHE PCC as the CI-SIS profiles them, which the DLU shares with other volets: active
 * problems, allergies, treatments, care plan (palliative care), advance directives, immunizations, comment.
 */
final class PccSections extends SectionWriter {

    PccSections(SectionWriter sameDocument) {
        super(sameDocument);
    }

    void activePathologies(List<Pathology> pathologies) {
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

    void allergies(List<Allergy> allergies) {
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

    void treatments(List<Treatment> treatments) {
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
            product(t.codings(), t.medication(), refs[i], null);
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
        product(List.of(), "Aucun traitement", ref, null);
        xml.end().end();
        endSection();
    }

    void carePlan(AdvanceDirectives directives) {
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

    void advanceDirectives(AdvanceDirectives directives) {
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

    void vaccinations(List<Vaccination> vaccinations) {
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
            product(v.codings(), v.vaccine(), refs[i], v.lot());
            xml.end().end();
        }
        endSection();
    }

    void comment(String comment) {
        section("Commentaires", "55112-7", "Commentaire",
                "2.16.840.1.113883.10.12.201", "1.3.6.1.4.1.19376.1.4.1.2.16", "1.2.250.1.213.1.1.2.73");
        xml.element("text", comment);
        endSection();
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
}
