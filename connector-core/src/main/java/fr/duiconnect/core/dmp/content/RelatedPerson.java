package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Require;

import java.util.Map;
import java.util.TreeMap;

/**
 * A person close to the resident: the personne de confiance (CSP L.1111-6; CDA informant {@code NOK}) or the
 * personne à prévenir (CDA informant {@code ECON}).
 *
 * @param relationship HL7 RoleCode (2.16.840.1.113883.5.111) among {@link #RELATIONSHIPS}, e.g. {@code DAU} daughter,
 *                     {@code SPS} spouse, {@code FRND} friend; may be null when unknown
 * @param phone        may be null
 */
public record RelatedPerson(String familyName, String givenName, String relationship, String phone) {

    /** The HL7 RoleCodes a DUI uses for the people around a resident, with the French display name the CDA carries. */
    public static final Map<String, String> RELATIONSHIPS = Map.ofEntries(
            Map.entry("SPS", "Conjoint"), Map.entry("DOMPART", "Concubin"), Map.entry("HUSB", "Mari"), Map.entry("WIFE", "Epouse"),
            Map.entry("CHILD", "Enfant"), Map.entry("DAU", "Fille"), Map.entry("SON", "Fils"),
            Map.entry("GRNDCHILD", "Petit-enfant"), Map.entry("GRNDDAU", "Petite-fille"), Map.entry("GRNDSON", "Petit-fils"),
            Map.entry("PRN", "Parent"), Map.entry("MTH", "Mère"), Map.entry("FTH", "Père"),
            Map.entry("SIB", "Frère ou soeur"), Map.entry("SIS", "Soeur"), Map.entry("BRO", "Frère"),
            Map.entry("NIECE", "Nièce"), Map.entry("NEPHEW", "Neveu"), Map.entry("AUNT", "Tante"), Map.entry("UNCLE", "Oncle"),
            Map.entry("COUSN", "Cousin"), Map.entry("FAMMEMB", "Membre de la famille"), Map.entry("FRND", "Ami"),
            Map.entry("NBOR", "Voisin"));

    public RelatedPerson {
        Require.text(familyName, "relatedPerson.familyName");
        if (relationship != null && !RELATIONSHIPS.containsKey(relationship)) {
            throw InvalidInputException.format("relatedPerson.relationship", "an HL7 RoleCode among " + new TreeMap<>(RELATIONSHIPS).keySet());
        }
        phone = Telecoms.phoneOrNull(phone, "relatedPerson.phone");
    }

    /** The relationship's display name (CI-SIS structuration minimale wants it on {@code relatedEntity/code}). */
    public String relationshipName() {
        return relationship == null ? null : RELATIONSHIPS.get(relationship);
    }
}
