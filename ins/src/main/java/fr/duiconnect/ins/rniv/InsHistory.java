package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.model.Ins;

import java.util.List;
import java.util.Optional;

/**
 * The active INS and the former ones INSi listed (INSHISTO), so a document or message carrying a former matricule
 * still resolves to the person (CNDA 2.04 cas 2, 2.08 cas 2).
 */
public record InsHistory(Ins active, List<Ins> former) {

    public InsHistory {
        former = List.copyOf(former);
    }

    /** The active INS when {@code matricule} is the active one or a former one. */
    public Optional<Ins> resolve(String matricule) {
        if (active.matricule().equals(matricule)) {
            return Optional.of(active);
        }
        return former.stream().anyMatch(f -> f.matricule().equals(matricule)) ? Optional.of(active) : Optional.empty();
    }

    public boolean isFormer(String matricule) {
        return !active.matricule().equals(matricule) && former.stream().anyMatch(f -> f.matricule().equals(matricule));
    }
}
