package fr.duiconnect.dmp.document;

import fr.duiconnect.core.model.Code;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The building blocks of CDA body sections: a section's opening (templateIds, id, LOINC code, title), narrative
 * tables whose cells entries point into, and the entry parts several sections share (intervals, yes/no
 * observations, medication products). Writers of one document share one narrative counter, so every
 * {@code ID} of the document is unique.
 */
abstract class SectionWriter {

    static final String SNOMED = "2.16.840.1.113883.6.96";
    static final String CIM10 = "2.16.840.1.113883.6.3";

    protected final CdaXml xml;
    protected final Supplier<String> ids;
    private final int[] narrativeIds;

    SectionWriter(CdaXml xml, Supplier<String> ids) {
        this.xml = xml;
        this.ids = ids;
        this.narrativeIds = new int[1];
    }

    /** A writer of other sections of the same document. */
    SectionWriter(SectionWriter sameDocument) {
        this.xml = sameDocument.xml;
        this.ids = sameDocument.ids;
        this.narrativeIds = sameDocument.narrativeIds;
    }

    void section(String title, String loinc, String loincName, String... templateIds) {
        xml.start("component").start("section");
        templates(templateIds);
        xml.empty("id", "root", ids.get());
        loinc(loinc, loincName);
        xml.element("title", title);
    }

    void endSection() {
        xml.end().end();
    }

    void templates(String... roots) {
        for (String root : roots) {
            xml.empty("templateId", "root", root);
        }
    }

    void loinc(String code, String displayName) {
        xml.empty("code", "code", code, "displayName", displayName, "codeSystem", CdaHeaderWriter.LOINC, "codeSystemName", "LOINC");
    }

    void reference(String element, String narrativeId) {
        xml.start(element).empty("reference", "value", "#" + narrativeId).end();
    }

    void interval(LocalDate low, LocalDate high) {
        xml.start("effectiveTime");
        dateOrNull("low", low);
        if (high != null) {
            xml.empty("high", "value", Hl7Time.of(high));
        }
        xml.end();
    }

    void dateOrNull(String element, LocalDate date) {
        if (date != null) {
            xml.empty(element, "value", Hl7Time.of(date));
        } else {
            xml.empty(element, "nullFlavor", "UNK");
        }
    }

    /** A yes/no observation (IHE simple observation, FR-Simple-Observation); a null answer is written as nullFlavor. */
    void simpleObservation(Code code, String codeSystemName, String ref, Boolean answer, String unknownTimeFlavor, String unknownAnswerFlavor) {
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

    /**
     * consumable/manufacturedProduct of a medication or vaccine, coded the CI-SIS way (FR-Produit-de-sante,
     * E_produitDeSante_fr [1]): a CIS goes in {@code code}, every other coding (ATC, CIP, UCD) in a {@code translation};
     * without a CIS the {@code code} has no code system (nullFlavor OTH) and keeps the others as translations. The
     * product is always named.
     */
    void product(List<Code> codings, String name, String ref, String lot) {
        xml.start("consumable", "typeCode", "CSM").start("manufacturedProduct", "classCode", "MANU");
        templates("2.16.840.1.113883.10.20.1.53", "1.3.6.1.4.1.19376.1.5.3.1.4.7.2", "1.2.250.1.213.1.1.3.43");
        xml.start("manufacturedMaterial", "classCode", "MMAT");
        Code cis = codings.stream().filter(c -> HealthProducts.CIS.equals(c.codeSystem())).findFirst().orElse(null);
        if (cis != null) {
            xml.start("code", "code", cis.code(), "displayName", displayOr(cis, name), "codeSystem", cis.codeSystem(), "codeSystemName", "CIS");
        } else {
            xml.start("code", "nullFlavor", "OTH");
        }
        reference("originalText", ref);
        for (Code other : codings) {
            if (other != cis) {
                xml.empty("translation", "code", other.code(), "displayName", displayOr(other, name), "codeSystem", other.codeSystem(),
                        "codeSystemName", HealthProducts.systemName(other.codeSystem()));
            }
        }
        xml.end();
        xml.element("name", name);
        if (lot != null) {
            xml.element("lotNumberText", lot);
        }
        xml.end().end().end();
    }

    /** A coding's own display name, or the product's name when the DUI gave none (a CIS, CIP or UCD names the product). */
    private static String displayOr(Code code, String name) {
        return code.displayName().isBlank() ? name : code.displayName();
    }

    final String narrativeId(String prefix) {
        return prefix + "-" + (++narrativeIds[0]);
    }

    interface Row {
        void write(int row);
    }

    /** A narrative table inside its own {@code <text>}. */
    void table(List<String> headers, int rows, Row row) {
        xml.start("text");
        tableBody(headers, rows, row);
        xml.end();
    }

    void tableBody(List<String> headers, int rows, Row row) {
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
