package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;

import java.util.List;
import java.util.Optional;

/**
 * What a search by traits found, after the documented strategy (one call per prénom, then all prénoms, then the
 * birth place on 02).
 *
 * @param code            the final compte-rendu
 * @param ins             the active INS (INSACTIF) when found
 * @param returnedTraits  the traits INSi returned (TIQ) when found
 * @param history         former INS (INSHISTO), so that a former matricule still resolves
 * @param traitDifferences traits that differ between the DUI and INSi (empty when they match)
 * @param resultingStatus the RNIV status the identity may take: RECUP (or QUAL if it was VALI) when found with
 *                        matching traits, otherwise unchanged
 * @param calls           how many INSi calls the strategy made
 * @param guidance        what the user should do next, in French
 * @param lastRequest     the last SOAP request sent (kept for traceability; contains traits: DEBUG only)
 * @param lastResponse    the last SOAP response received
 * @param warnings        what the answer carries that must be shown and kept although it is used (a returned key
 *                        that does not follow the formula: {@link InsWarning.Code#KEY_MISMATCH})
 */
public record InsSearchResult(InsiReturnCode code, Ins ins, IdentityTraits returnedTraits, List<Ins> history,
                              List<String> traitDifferences, IdentityStatus resultingStatus, int calls, String guidance,
                              String lastRequest, String lastResponse, List<InsWarning> warnings) {

    public InsSearchResult {
        history = history == null ? List.of() : List.copyOf(history);
        traitDifferences = traitDifferences == null ? List.of() : List.copyOf(traitDifferences);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A result without warnings. */
    public InsSearchResult(InsiReturnCode code, Ins ins, IdentityTraits returnedTraits, List<Ins> history,
                           List<String> traitDifferences, IdentityStatus resultingStatus, int calls, String guidance,
                           String lastRequest, String lastResponse) {
        this(code, ins, returnedTraits, history, traitDifferences, resultingStatus, calls, guidance, lastRequest, lastResponse, List.of());
    }

    public Optional<Ins> insIfFound() {
        return Optional.ofNullable(ins);
    }

    public boolean found() {
        return code == InsiReturnCode.FOUND;
    }

    /** Whether the matricule is the active INS or one of the former ones. */
    public boolean resolves(String matricule) {
        return (ins != null && ins.matricule().equals(matricule)) || history.stream().anyMatch(h -> h.matricule().equals(matricule));
    }
}
