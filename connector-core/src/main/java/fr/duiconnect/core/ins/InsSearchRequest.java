package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Require;

/**
 * A search of the INS by traits.
 *
 * @param traits        the person's INS traits, exactly as they will be sent (never rewritten by the connector)
 * @param currentStatus the identity's RNIV status before the search (VALI turns into QUAL on success), PROV if unknown
 * @param actingFiness  FINESS of the structure calling (audit)
 * @param actor         the user or process on whose behalf the call is made (audit)
 */
public record InsSearchRequest(IdentityTraits traits, IdentityStatus currentStatus, String actingFiness, String actor) {

    public InsSearchRequest {
        Require.present(traits, "traits");
        currentStatus = currentStatus == null ? IdentityStatus.PROV : currentStatus;
        Require.text(actingFiness, "actingFiness");
        Require.text(actor, "actor");
    }

    public static InsSearchRequest of(IdentityTraits traits, String actingFiness, String actor) {
        return new InsSearchRequest(traits, IdentityStatus.PROV, actingFiness, actor);
    }
}
