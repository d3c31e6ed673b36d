package fr.duiconnect.core.dmp.content;

/**
 * The documents the DLU checklist lists (JDV_ChecklistDLU_CISIS, code system 1.2.250.1.213.1.1.4.322), the value
 * set the DLU schematron checks the attached-document observations against.
 */
public enum ChecklistItem {
    CARTE_VITALE("DLU_006", "Attestation de la carte vitale"),
    MUTUELLE("DLU_007", "Attestation de mutuelle"),
    CARTE_IDENTITE("DLU_008", "Photocopie de la carte d’identité"),
    GRILLE_AGGIR("DLU_009", "Grille AGGIR (la plus récente)"),
    DIRECTIVES_ANTICIPEES("DLU_010", "Photocopie des directives anticipées"),
    ORDONNANCES("DLU_011", "Photocopies des ordonnances en cours"),
    ADMINISTRATION_MEDICAMENTS("DLU_012", "Tableau d’administration des médicaments"),
    BIOLOGIE("DLU_013", "Résultats récents de biologie (1 à 3 mois) avec clairance de la créatinine et INR (si AVK)"),
    CR_HOSPITALISATION("DLU_014", "CR de la dernière hospitalisation"),
    FICHE_BMR("DLU_015", "Fiche BMR (bactérie multi-résistante)"),
    SUIVI_SOINS("DLU_016", "Fiche ou carnet de suivi des soins (glycémie, pansements, perfusion, ventilation, nutrition, etc.)"),
    PACEMAKER("DLU_017", "Carnet de suivi du pacemaker ou du défibrilateur implentable"),
    GROUPE_SANGUIN("DLU_018", "Carte de groupe sanguin (si à jour)"),
    CAPACITES_SOINS_EHPAD("DLU_019", "Liste des capacités en soins de l’EHPAD");

    public static final String CODE_SYSTEM = "1.2.250.1.213.1.1.4.322";

    private final String code;
    private final String displayName;

    ChecklistItem(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }
}
