package fr.duiconnect.core.ins;

import java.util.List;

/**
 * Verification of a stored INS. The INSi verification operation (WS #3) is not in the public WSDL, so the
 * connector verifies by searching with the stored traits and comparing: same active INS (or a former one that
 * INSi now maps to a new active INS) and same traits.
 *
 * @param confirmed   the stored INS is INSi's active INS for these traits
 * @param replacedBy  the active matricule INSi returned when the stored one is only in INSHISTO, or null
 * @param differences traits that differ, if any
 */
public record InsVerification(boolean confirmed, String replacedBy, List<String> differences, InsSearchResult search) {

    public InsVerification {
        differences = List.copyOf(differences);
    }
}
