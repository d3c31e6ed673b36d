package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;

/**
 * A search by traits (INSi RECSANSVITALE) for a person of the DUI.
 *
 * @param person the DUI's identity (its traits are sent as they are; its status decides the resulting status)
 * @param finess the structure on whose behalf the search is made (audit)
 * @param actor  the professional's national id, or "software" for an unattended search (audit)
 */
public record InsSearchRequest(PersonIdentity person, String finess, String actor) {

    public InsSearchRequest {
        Require.present(person, "person");
        actor = actor == null ? "software" : actor;
    }

    public static InsSearchRequest of(PersonIdentity person, String finess) {
        return new InsSearchRequest(person, finess, null);
    }

    public IdentityStatus currentStatus() {
        return person.status();
    }
}
