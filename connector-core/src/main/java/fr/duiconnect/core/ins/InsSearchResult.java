package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;

import java.util.List;
import java.util.Optional;

/**
 * Outcome of an INS search: the final compte-rendu, the INS and traits INSi returned (on 00), the former
 * matricules (INSHISTO), whether the returned traits match the local ones, the identity with its resulting RNIV
 * status, guidance for 01/02, and every call made.
 *
 * @param returnCode     compte-rendu of the decisive call (00 if one call found the person)
 * @param ins            INSACTIF (null unless 00)
 * @param returnedTraits TIQ (null unless 00)
 * @param history        INSHISTO entries (empty when none)
 * @param traitsMatch    true when the returned traits equal the local ones; the status is only raised then
 * @param identity       the identity after the search: RECUP/QUAL on a matching 00, unchanged otherwise
 * @param guidance       what the user should do next (01: revise the criteria; 02: more prénoms, then the COG)
 * @param calls          the INSi calls, in order
 */
public record InsSearchResult(InsReturnCode returnCode, Ins ins, InsiTraits returnedTraits, List<FormerIns> history,
                              boolean traitsMatch, PersonIdentity identity, String guidance, List<InsiCall> calls) {

    public InsSearchResult {
        history = List.copyOf(history);
        calls = List.copyOf(calls);
    }

    public Optional<Ins> insIfFound() {
        return Optional.ofNullable(ins);
    }

    public IdentityStatus resultingStatus() {
        return identity.status();
    }
}
