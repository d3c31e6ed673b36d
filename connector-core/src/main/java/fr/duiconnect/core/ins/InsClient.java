package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;

/**
 * Client of the INS service socle: identity qualification through the INSi teleservice, INS checks and RNIV status management.
 * Implemented by the {@code dui-connect-ins} module; obtained from {@code DuiConnector.ins()}. Thread-safe.
 *
 * <p>Errors are {@link fr.duiconnect.core.error.DuiConnectException}s with the stable codes of the module's
 * {@code InsErrorCode}: traits breaking the INSi character rules and douteuse/fictive identities are refused before
 * any call; SOAP faults, HTTP errors, timeouts and TLS failures are typed (timeouts and 5xx are retryable).
 */
public interface InsClient {

    /**
     * Searches the INS from the traits (INSi {@code rechercherInsAvecTraitsIdentite}), following the documented
     * strategy: one call per prénom stopping at 00, then one call with all prénoms; on 02, the COG is added when
     * known. The result says how many calls were made and the last exchange.
     */
    InsSearchResult search(InsSearchRequest request);

    /**
     * Verifies a stored identity and its INS. The INSi verification operation ("WS #3") is not in the public WSDL,
     * so this is a search with the person's traits followed by a comparison of the returned INS (active or in the
     * history) and traits with the stored ones; the result's status is the RNIV status the identity may then hold.
     */
    InsVerification verify(PersonIdentity identity, String actingFiness, String actor);

    /** Checks a matricule (structure and key) without calling INSi. */
    MatriculeCheckResult checkMatricule(String matricule, InsKind kind);
}
