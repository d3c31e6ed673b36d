package fr.duiconnect.ins.insi;

/**
 * The body of one rechercherInsAvecTraitsIdentite call (INSi_RECSANS_INS.xsd).
 *
 * @param prenom one prénom, or all prénoms joined by single spaces (the strategy's last call)
 * @param lieuNaissance COG, or null
 */
public record RecSansVitale(String nomNaissance, String prenom, String sexe, String dateNaissance, String lieuNaissance) {
}
