package fr.duiconnect.core.model;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.InvalidInputException;

/**
 * A professional acting in the DUI: identified by RPPS (or ADELI, or a structure-internal id for medico-social
 * staff without a national number), with profession and role codes.
 *
 * @param idKind         RPPS, ADELI or STRUCTURE_INTERNAL
 * @param id             the identifier; for STRUCTURE_INTERNAL, FINESS + "/" + internal id
 * @param familyName     nom d'exercice
 * @param givenName      prénom d'exercice
 * @param professionCode profession (TRE_G15 / TRE_R85 ...), may be null
 * @param roleCode       role in the structure, may be null
 */
public record Professional(ProfessionalIdKind idKind, String id, String familyName, String givenName,
                           Code professionCode, Code roleCode) {

    public Professional {
        Require.present(idKind, "professional.idKind");
        Require.text(id, "professional.id");
        Require.text(familyName, "professional.familyName");
        if (idKind == ProfessionalIdKind.RPPS && !isValidRpps(id)) {
            throw new InvalidInputException(CoreErrorCode.RPPS_FORMAT, "professional.id", "is not a valid RPPS number");
        }
    }

    /** RPPS: 11 digits whose last one is a Luhn check digit. */
    public static boolean isValidRpps(String value) {
        return value != null && value.matches("\\d{11}") && Luhn.valid(value);
    }

    /** PSIdNat: the kind's prefix followed by the identifier (e.g. 8 + RPPS). */
    public String nationalId() {
        return idKind.nationalIdPrefix() + id;
    }
}
