package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;

/**
 * Client of the INS service socle: identity qualification through the INSi teleservice.
 * Implemented by the {@code dui-connect-ins} module; obtained from {@code DuiConnector.ins()}. Thread-safe.
 */
public interface InsClient {

    /**
     * Searches the INS by traits with the documented strategy. Traits that break the INSi character rules are
     * refused before anything is sent; a douteuse or fictive identity is never sent.
     */
    InsSearchResult search(InsSearchRequest request);

    /** Searches the INS with the data read from the carte Vitale (RECVITALE), then compares the traits. */
    InsSearchResult searchWithCarteVitale(CarteVitaleSearch search);

    /** Re-checks a stored INS against INSi (search + comparison, see {@link InsVerification}). */
    InsVerification verify(PersonIdentity identity, String finess);

    /** Checks a matricule offline: shape, key and structure; says why it is invalid. */
    MatriculeVerdict checkMatricule(String matricule, InsKind kind);

    /** The verdict of {@link #checkMatricule}. */
    record MatriculeVerdict(boolean valid, String code, String reason) {
    }
}
