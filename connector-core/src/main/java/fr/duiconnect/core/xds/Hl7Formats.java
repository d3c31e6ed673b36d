package fr.duiconnect.core.xds;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.core.model.Structure;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The HL7 v2 data types XDS metadata carries (CX, XCN, XON, DTM), in their French DMP form. */
public final class Hl7Formats {

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Hl7Formats() {
    }

    /** XDS times: UTC, {@code YYYYMMDDhhmmss}. */
    public static String dtm(Instant instant) {
        return DTM.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Instant parseDtm(String value, String field) {
        try {
            String padded = (value + "00000000000000").substring(0, 14);
            if (value.length() < 4 || !value.matches("\\d+")) {
                throw new DateTimeParseException(value, value, 0);
            }
            if (value.length() <= 8) {
                padded = (value + "0101").substring(0, 8) + "000000";
            }
            return LocalDateTime.parse(padded, DTM).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.format(field, "an HL7 DTM time YYYYMMDDhhmmss");
        }
    }

    /** patientId CX: {@code <matricule>^^^&<OID>&ISO^NH}. */
    public static String cx(Ins ins) {
        return ins.asXdsPatientId();
    }

    public static Ins parseCx(String value, String field) {
        String[] parts = value.split("\\^", -1);
        if (parts.length < 4 || !parts[3].startsWith("&") || !parts[3].endsWith("&ISO")) {
            throw InvalidInputException.format(field, "a CX <matricule>^^^&<OID>&ISO^NH");
        }
        String oid = parts[3].substring(1, parts[3].length() - "&ISO".length());
        String matricule = parts[0];
        if (matricule.length() != 15) {
            throw new InvalidInputException(CoreErrorCode.INS_MATRICULE_FORMAT, field, "the matricule INS has 15 characters");
        }
        InsKind kind = InsKind.fromOid(oid);
        return Ins.of(matricule.substring(0, 13), matricule.substring(13), kind);
    }

    /** authorPerson / legalAuthenticator XCN: {@code PSIdNat^NOM^Prénom^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS}. */
    public static String xcn(Professional professional) {
        return professional.nationalId() + "^" + escape(professional.familyName()) + "^" + escape(nullToEmpty(professional.givenName()))
                + "^^^^^^&" + XdsVocabulary.PS_ID_NAT + "&ISO^D^^^IDNPS";
    }

    public static Professional parseXcn(String value, String field) {
        String[] parts = value.split("\\^", -1);
        if (parts.length < 2 || parts[0].length() < 2) {
            throw InvalidInputException.format(field, "an XCN PSIdNat^NOM^Prénom^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS");
        }
        String nationalId = parts[0];
        ProfessionalIdKind kind = switch (nationalId.charAt(0)) {
            case '8' -> ProfessionalIdKind.RPPS;
            case '0' -> ProfessionalIdKind.ADELI;
            case '3' -> ProfessionalIdKind.STRUCTURE_INTERNAL;
            default -> throw InvalidInputException.format(field, "a PSIdNat starting with 8 (RPPS), 0 (ADELI) or 3 (structure)");
        };
        return new Professional(kind, nationalId.substring(1), parts[1], parts.length > 2 ? parts[2] : "", null, null);
    }

    /** authorInstitution XON: {@code Raison sociale^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1<FINESS>}. */
    public static String xon(Structure structure) {
        return escape(structure.name()) + "^^^^^&" + XdsVocabulary.STRUCT_ID_NAT + "&ISO^IDNST^^^"
                + structure.finessGeographique().asStructureNationalId();
    }

    /** The FINESS of an XON whose Struct_IdNat is "1" + FINESS. */
    public static Finess parseXonFiness(String value, String field) {
        String[] parts = value.split("\\^", -1);
        if (parts.length < 10 || !parts[9].startsWith("1") || parts[9].length() != 10) {
            throw InvalidInputException.format(field, "an XON whose 10th component is 1 followed by a FINESS");
        }
        return Finess.of(parts[9].substring(1));
    }

    public static String parseXonName(String value) {
        return value.split("\\^", -1)[0];
    }

    /** Component separators cannot appear inside a value; HL7 escapes them, we refuse them in names instead. */
    private static String escape(String text) {
        if (text.contains("^") || text.contains("&") || text.contains("~") || text.contains("|")) {
            throw InvalidInputException.format("name", "free of the HL7 separators ^ & ~ |");
        }
        return text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
