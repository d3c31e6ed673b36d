package fr.duiconnect.dmp.security;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Require;

/**
 * Who the VIHF says is calling the DMP, for a structure that authenticates itself (mode INDIRECTE): the values of
 * the VIHF attributes that do not change per request (IG volet transmission CDA R2, "Mapping VIHF pour le DMP").
 *
 * @param version           VIHF_Version: the IG's table says 4.0, its example and DRIMbox 3.0 — UNCONFIRMED, so
 *                          configurable ({@code dui.dmp.option.vihf.version}, default 3.0)
 * @param subjectId         subject-id: for automated processing "Nom du logiciel, Nom du modèle (, Service)"
 * @param nameId            Subject/NameID: in automated processing, the identifier of the person responsible for it
 *                          (e.g. her PSIdNat 8 + RPPS), never the software's name
 * @param role              first subject:role, from JDV_J65 (non-PS roles for ESMS staff, e.g. AUTOMATE / TRE_A00)
 * @param secteurActivite   Secteur_Activite from JDV_J61 (e.g. SA17 for an EHPAD)
 * @param structure         Identifiant_Structure = "1" + FINESS géographique; must be an authorInstitution (EX_2.1-1140)
 * @param homologation      LPS_ID_HOMOLOGATION_DMP (CNDA number)
 */
public record VihfProfile(String version, String authenticationMode, String subjectId, String nameId, Code role,
                          Code secteurActivite, Finess structure, String lpsName, String lpsVersion,
                          String homologation) {

    public static final String INDIRECTE = "INDIRECTE";
    /** subject-id of automated processing (IG volet transmission CDA R2, mapping VIHF): two or three comma-separated parts. */
    public static final String SUBJECT_ID_FORMAT = "[^,]*\\S[^,]*, [^,]*\\S[^,]*(, [^,]*\\S[^,]*)?";

    public VihfProfile {
        Require.text(version, "dui.dmp.option.vihf.version");
        Require.text(authenticationMode, "dui.dmp.option.vihf.authentication-mode");
        Require.text(subjectId, "dui.dmp.option.vihf.subject-id");
        Require.text(nameId, "dui.dmp.option.vihf.name-id");
        Require.matches(subjectId, SUBJECT_ID_FORMAT, "dui.dmp.option.vihf.subject-id", "\"Nom du logiciel, Nom du modèle\" optionally \", Service\"");
        Require.present(role, "dui.dmp.option.vihf.role");
        Require.present(secteurActivite, "dui.dmp.option.vihf.secteur-activite");
        Require.present(structure, "dui.dmp.option.finess");
        Require.text(lpsName, "software.name");
        Require.text(homologation, "dui.software.homologation.dmp");
    }

    public String structureId() {
        return structure.asStructureNationalId();
    }
}
