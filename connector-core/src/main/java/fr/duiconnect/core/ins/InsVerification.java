package fr.duiconnect.core.ins;

import java.util.List;

/**
 * Outcome of re-checking a stored INS against INSi.
 *
 * @param confirmed         INSi returned the same matricule (active, or the stored one is now in INSHISTO) with matching traits
 * @param stillActive       the stored matricule is INSi's active one
 * @param differingTraits   trait names that differ between INSi and the local identity
 * @param search            the underlying search, with its calls
 */
public record InsVerification(boolean confirmed, boolean stillActive, List<String> differingTraits, InsSearchResult search) {

    public InsVerification {
        differingTraits = List.copyOf(differingTraits);
    }
}
