package fr.duiconnect.core.ins;

import java.util.List;

/**
 * Outcome of {@link InsClient#verify}: done with a search and a comparison (the verification operation is not public).
 *
 * @param confirmed       whether INSi returned the stored INS (active or former) and matching traits
 * @param formerMatricule whether the stored matricule is now a former one (INSHISTO): update it to {@code search.ins()}
 * @param differences     which fields differ (birthName, firstNames, sex, birthDate, birthPlaceCog, ins)
 * @param search          the underlying search
 */
public record InsVerification(boolean confirmed, boolean formerMatricule, List<String> differences, InsSearchResult search) {

    public InsVerification {
        differences = List.copyOf(differences);
    }
}
