package fr.duiconnect.dmp.xds;

import fr.duiconnect.core.model.Code;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The DMP code lists a deposit is checked against locally (shared/specs/dmp.md §1.5, §2): formatCode by CDA
 * templateId (ASS_A11), the level-1 PDF format, the signature entry's codes, facility types (TRE_R02).
 */
public final class DmpCodes {

    static final String FORMAT_SYSTEM_ASIP = "1.2.250.1.213.1.1.4.2.282";
    static final String FORMAT_SYSTEM_IHE = "1.3.6.1.4.1.19376.1.2.3";

    /** ASS_A11 (CI-SIS): volet templateId → formatCode. */
    private static final Map<String, Code> FORMAT_BY_TEMPLATE = Map.of(
            "1.2.250.1.213.1.1.1.22", new Code("urn:asip:ci-sis:dlu:2015", FORMAT_SYSTEM_ASIP, "DLU"),
            "1.2.250.1.213.1.1.1.23", new Code("urn:asip:ci-sis:fludt:2017", FORMAT_SYSTEM_ASIP, "FLUDT"),
            "1.2.250.1.213.1.1.1.24", new Code("urn:asip:ci-sis:fludr:2017", FORMAT_SYSTEM_ASIP, "FLUDR"),
            "1.2.250.1.213.1.1.1.61", new Code("urn:asip:ci-sis:ft-su:2024", FORMAT_SYSTEM_ASIP, "Fiche de transfert vers le SU"),
            "1.2.250.1.213.1.1.1.62", new Code("urn:asip:ci-sis:fr-su:2024", FORMAT_SYSTEM_ASIP, "Fiche de retour du SU"),
            "1.2.250.1.213.1.1.1.51", new Code("urn:ihe:pcc:ips:2020", FORMAT_SYSTEM_IHE, "IPS"));

    /** CDA R2 level 1 with a PDF body (structuration minimale). */
    public static final Code PDF_FORMAT = new Code("urn:ihe:iti:xds-sd:pdf:2008", FORMAT_SYSTEM_IHE, "Document à corps non structuré en Pdf/A-1");

    /** The signature document entry ([IMPL] DRIMbox DocumentEntry; ASS_X16 E1762 → Digital Signature). */
    public static final Code SIGNATURE_CLASS = new Code("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1", "URN", "Digital Signature");
    public static final Code SIGNATURE_TYPE = new Code("E1762", "ASTM", "Full Document");
    /** IHE DSG: the signature's purpose, eventCodeList of the signature document (ASTM E1762 "Source", as DRIMbox). */
    public static final Code SIGNATURE_PURPOSE = new Code("1.2.840.10065.1.12.1.14", "1.2.840.10065.1.12", "Source");
    public static final Code SIGNATURE_FORMAT = new Code("http://www.w3.org/2000/09/xmldsig#", "http://www.w3.org/2000/09/xmldsig#", "Default Signature Style");

    /** TRE_R02-SecteurActivite; the DMP restricts it to J61, whose exact content is UNCONFIRMED: SAnn codes are accepted. */
    public static final String FACILITY_SYSTEM = "1.2.250.1.71.4.2.4";
    private static final Pattern FACILITY = Pattern.compile("SA\\d{2}");

    private DmpCodes() {
    }

    public static Optional<Code> formatForTemplate(String templateId) {
        return Optional.ofNullable(FORMAT_BY_TEMPLATE.get(templateId));
    }

    public static boolean isKnownFormat(Code format) {
        return PDF_FORMAT.code().equals(format.code()) || SIGNATURE_FORMAT.code().equals(format.code())
                || FORMAT_BY_TEMPLATE.values().stream().anyMatch(c -> c.code().equals(format.code()));
    }

    public static boolean isFacilityType(Code facility) {
        return FACILITY_SYSTEM.equals(facility.codeSystem()) && FACILITY.matcher(facility.code()).matches();
    }
}
