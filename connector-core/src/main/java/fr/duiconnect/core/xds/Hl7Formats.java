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
        return new Professional(kind, nationalId.substring(1), unescape(parts[1]), parts.length > 2 ? unescape(parts[2]) : "", null, null);
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
        return unescape(value.split("\\^", -1)[0]);
    }

    /**
     * A value inside an HL7 v2 component, with the standard escapes (v2.5 §2.7.4: \F\ field, \S\ component,
     * \T\ sub-component, \R\ repetition, \E\ escape): "Résidence A & B" is a valid establishment name, so
     * it is escaped, never refused after the operation was accepted.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\E\\");
                case '|' -> out.append("\\F\\");
                case '^' -> out.append("\\S\\");
                case '&' -> out.append("\\T\\");
                case '~' -> out.append("\\R\\");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The value an escaped component stands for; an unknown escape sequence is kept as written. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 2 < text.length() && text.charAt(i + 2) == '\\') {
                String replaced = switch (text.charAt(i + 1)) {
                    case 'E' -> "\\";
                    case 'F' -> "|";
                    case 'S' -> "^";
                    case 'T' -> "&";
                    case 'R' -> "~";
                    default -> null;
                };
                if (replaced != null) {
                    out.append(replaced);
                    i += 3;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
