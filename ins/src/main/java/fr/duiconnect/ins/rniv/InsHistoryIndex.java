package fr.duiconnect.ins.rniv;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves any matricule a person ever had (active or INSHISTO) to the DUI's local identifier. One instance per
 * connector; the DUI persists the histories and reloads them at start.
 */
public final class InsHistoryIndex {

    private final Map<String, String> localIdByMatricule = new ConcurrentHashMap<>();
    private final Map<String, InsHistory> historyByLocalId = new ConcurrentHashMap<>();

    public void put(String localId, InsHistory history) {
        InsHistory previous = historyByLocalId.put(localId, history);
        if (previous != null) {
            // Former matricules stay resolvable even if a later answer omits them.
            localIdByMatricule.putIfAbsent(previous.active().matricule(), localId);
        }
        localIdByMatricule.put(history.active().matricule(), localId);
        history.former().forEach(f -> localIdByMatricule.put(f.ins().matricule(), localId));
    }

    public Optional<String> resolve(String matricule) {
        return Optional.ofNullable(localIdByMatricule.get(matricule));
    }

    public Optional<InsHistory> history(String localId) {
        return Optional.ofNullable(historyByLocalId.get(localId));
    }
}
