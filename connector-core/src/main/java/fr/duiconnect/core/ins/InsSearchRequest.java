package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;

/**
 * A search of a person's INS by traits (RECSANSVITALE). The identity carries the traits (checked against the INSi
 * character rules before anything is sent), its current RNIV status and attributes: a douteuse or fictive
 * identity is refused before any call.
 *
 * @param identity  the person as the DUI holds it
 * @param userLogin who asks (for the audit trail; INSI-MANU calls are made on behalf of a user)
 */
public record InsSearchRequest(PersonIdentity identity, String userLogin) {

    public InsSearchRequest {
        Require.present(identity, "identity");
    }
}
