package fr.duiconnect.core.ins;

import java.util.Optional;

/**
 * The traits INSi returns (TIQ), exactly as received. Dates stay text because INSi's type is a "DateLunaire"
 * that may carry 00 for an unknown day or month.
 *
 * @param birthName      NomNaissance
 * @param firstNamesList ListePrenom, space-separated
 * @param firstName      Prenom when INSi returns it (may be null)
 * @param sex            Sexe (M/F)
 * @param birthDate      DateNaissance, YYYY-MM-DD
 * @param birthPlace     LieuNaissance COG (may be null)
 */
public record InsiTraits(String birthName, String firstNamesList, String firstName, String sex, String birthDate,
                         String birthPlace) {

    /** The premier prénom: the first of the list (FR Core name.given). */
    public String firstFirstName() {
        if (firstNamesList == null || firstNamesList.isBlank()) {
            return firstName;
        }
        return firstNamesList.split(" ")[0];
    }

    public Optional<String> birthPlaceIfAny() {
        return Optional.ofNullable(birthPlace);
    }
}
