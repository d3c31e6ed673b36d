package fr.duiconnect.ins.search;

import java.time.LocalDate;

/**
 * The body of one rechercherInsAvecTraitsIdentite call (RECSANSVITALE, ns http://www.cnamts.fr/INSiRecSans).
 *
 * @param prenom one prénom, or all prénoms joined by single spaces (last call of the strategy)
 * @param lieuNaissance COG, or null when not sent
 */
public record RecSansVitale(String nomNaissance, String prenom, String sexe, LocalDate dateNaissance, String lieuNaissance) {
}
