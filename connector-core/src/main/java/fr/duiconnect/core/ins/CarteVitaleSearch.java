package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;

/**
 * A search with the data read from the person's carte Vitale (INSi RECVITALE). Reading the card needs the
 * SESAM-Vitale components, outside this connector: the DUI passes what it read.
 *
 * @param person         the DUI's identity of the person (its traits are compared with INSi's)
 * @param beneficiaryNir the beneficiary's 13-character number from the card (MatriculeIndividu)
 * @param birthDate      the birth date as the card gives it (YYYY-MM-DD, possibly a "lunar" date)
 * @param birthRank      rang de naissance (twins), may be null
 */
public record CarteVitaleSearch(PersonIdentity person, String beneficiaryNir, String birthDate, String birthRank,
                                String finess, String actor) {

    public CarteVitaleSearch {
        Require.present(person, "person");
        Require.matches(beneficiaryNir, "\\d{5}(\\d{2}|2[AB])\\d{6}", "beneficiaryNir", "the 13-character number read from the card");
        Require.matches(birthDate, "\\d{4}-\\d{2}-\\d{2}", "birthDate", "YYYY-MM-DD as the card gives it");
        actor = actor == null ? "software" : actor;
    }
}
