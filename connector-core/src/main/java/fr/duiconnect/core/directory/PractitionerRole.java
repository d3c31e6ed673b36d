package fr.duiconnect.core.directory;

/**
 * A situation d'exercice: where a professional practises and how (as-dp-practitionerrole).
 *
 * @param finess        the FINESS of the structure, or null when the role names none
 * @param structureName the structure's name, or null
 * @param profession    the profession exercised (TRE_G15, e.g. 10 médecin), or null
 * @param specialty     the spécialité ordinale (TRE_R38, e.g. SM26 médecine générale), or null
 * @param practiceMode  the mode d'exercice (TRE_R23: L libéral, S salarié, B bénévole), or null
 * @param active        false for a situation that has ended
 */
public record PractitionerRole(String finess, String structureName, String profession, String specialty, String practiceMode,
                               boolean active) {
}
