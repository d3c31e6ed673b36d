package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.ins.FormerIns;
import fr.duiconnect.core.model.Ins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's active INS and former ones (INSHISTO), so that a document or message carrying a former matricule
 * still resolves to the person. INSi may list the active matricule in INSHISTO too (CNDA TEST_2.08 cas 2): it is
 * kept once.
 */
public record InsHistory(Ins active, List<FormerIns> former) {

    public InsHistory {
        Map<String, FormerIns> unique = new LinkedHashMap<>();
        for (FormerIns entry : former == null ? List.<FormerIns>of() : former) {
            if (!entry.ins().matricule().equals(active.matricule())) {
                unique.putIfAbsent(entry.ins().matricule(), entry);
            }
        }
        former = List.copyOf(new ArrayList<>(unique.values()));
    }

    /** Whether this matricule (15 characters) is the active one or a former one. */
    public boolean knows(String matricule) {
        return active.matricule().equals(matricule) || find(matricule).isPresent();
    }

    /** The former entry of a matricule, if it is one. */
    public Optional<FormerIns> find(String matricule) {
        return former.stream().filter(f -> f.ins().matricule().equals(matricule)).findFirst();
    }

    /** Merges a new INSi answer: the previous active INS joins the history when INSi changed it. */
    public InsHistory updatedWith(Ins newActive, List<FormerIns> newFormer) {
        List<FormerIns> merged = new ArrayList<>(newFormer);
        merged.addAll(former);
        if (!active.matricule().equals(newActive.matricule())) {
            merged.add(new FormerIns(active, null, null));
        }
        return new InsHistory(newActive, merged);
    }
}
