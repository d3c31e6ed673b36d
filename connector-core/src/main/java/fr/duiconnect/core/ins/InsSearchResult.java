package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an INS search.
 *
 * @param returnCode     CodeCR of the last call
 * @param ins            INSACTIF when found (00), else null
 * @param returnedTraits TIQ when found, else null
 * @param history        INSHISTO (former matricules), possibly empty
 * @param status         the RNIV status the identity may hold after this search (unchanged unless found and matching)
 * @param traitsMatch    whether the returned traits matched the request's (false when not found)
 * @param calls          how many INSi calls the strategy made
 * @param calledAt       when the last call was made (to store as dateInterrogationINSi)
 * @param lastRequestXml the SOAP request of the last call (for CNDA evidence; holds patient data, never log it)
 * @param lastResponseXml the SOAP response of the last call
 */
public record InsSearchResult(InsReturnCode returnCode, Ins ins, IdentityTraits returnedTraits, List<Ins> history,
                              IdentityStatus status, boolean traitsMatch, int calls, Instant calledAt,
                              String lastRequestXml, String lastResponseXml) {

    public InsSearchResult {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean found() {
        return returnCode == InsReturnCode.FOUND;
    }

    public Optional<Ins> insIfFound() {
        return Optional.ofNullable(ins);
    }

    /** What the user should do next (RNIV guidance for the return code). */
    public String guidance() {
        return returnCode.guidance();
    }

    @Override
    public String toString() {
        return "InsSearchResult[" + returnCode + ", " + status + ", calls=" + calls + "]";
    }
}
