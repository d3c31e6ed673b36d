package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.model.Ins;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves any matricule a person ever had (INSACTIF or INSHISTO) to the DUI's local identifier, across persons:
 * a document or message that still carries a former matricule finds its resident. One instance per DUI (no static
 * state); the DUI persists the histories and feeds them back at start with {@link #record}.
 *
 * <p>A matricule already known under another local identifier is not silently moved: that is a possible collision
 * for identitovigilance, reported by {@link #record}'s return value.
 */
public final class InsHistoryIndex {

    private final Map<String, String> localIdByMatricule = new ConcurrentHashMap<>();

    /** Records the active and former INS of a person; returns a local id that already held one of them, if any. */
    public Optional<String> record(String localId, Ins active, Iterable<Ins> former) {
        Optional<String> collision = claim(localId, active);
        for (Ins ins : former) {
            Optional<String> other = claim(localId, ins);
            if (collision.isEmpty()) {
                collision = other;
            }
        }
        return collision;
    }

    /** Records what a successful search found for a person (nothing happens unless INSi answered 00). */
    public Optional<String> record(String localId, InsSearchResult result) {
        if (!result.found()) {
            return Optional.empty();
        }
        return record(localId, result.ins(), result.history());
    }

    /** The local identifier of the person who has or had this 15-character matricule. */
    public Optional<String> resolve(String matricule) {
        return Optional.ofNullable(localIdByMatricule.get(matricule));
    }

    private Optional<String> claim(String localId, Ins ins) {
        String previous = localIdByMatricule.putIfAbsent(ins.matricule(), localId);
        return previous == null || previous.equals(localId) ? Optional.empty() : Optional.of(previous);
    }
}
