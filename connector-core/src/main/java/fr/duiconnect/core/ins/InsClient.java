package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;

/**
 * Client of the INS service socle: identity qualification through the INSi teleservice, INS checks and RNIV status management.
 * Implemented by the {@code dui-connect-ins} module; obtained from {@code DuiConnector.ins()}. Thread-safe.
 *
 * <p>INS searches are synchronous queries (no journal): they are audited, never queued.
 */
public interface InsClient {

    /**
     * Searches the INS by traits with the documented strategy: one call per prénom, stopping at the first 00, then
     * one call with all prénoms; a 02 is retried with the birth place (COG) when the identity has one. On a 00
     * whose traits match, the returned identity is RECUP (or QUAL if it was VALI).
     *
     * @throws fr.duiconnect.core.error.InvalidInputException     traits breaking the INSi rules (nothing is sent)
     * @throws fr.duiconnect.core.error.IdentityRefusedException  douteuse/fictive identity (nothing is sent)
     * @throws fr.duiconnect.core.error.RemoteServiceException     INSi SOAP fault (siram/desir codes)
     * @throws fr.duiconnect.core.error.TransportException        timeout, HTTP or TLS failure
     */
    InsSearchResult search(InsSearchRequest request);

    /**
     * Re-checks a stored INS. WS#3 (verification) is not in the public WSDL, so this is implemented as a traits
     * search followed by a comparison of the returned matricule and traits with the stored ones.
     */
    InsVerification verify(PersonIdentity identity);

    /** Checks a 15-character matricule (structure and key) without any call. */
    Ins checkMatricule(String matricule, InsKind kind);
}
