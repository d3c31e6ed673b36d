package fr.duiconnect.core.dmp;

import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.Require;

import java.time.LocalDate;
import java.util.Optional;

/**
 * TD0.2 answer: whether the DMP exists and can be fed.
 *
 * @param closedOn the closure date of a closed DMP, else null
 */
public record DmpPatientStatus(Ins ins, DmpState state, LocalDate closedOn) {

    public DmpPatientStatus {
        Require.present(ins, "ins");
        Require.present(state, "state");
    }

    public boolean canBeFed() {
        return state == DmpState.OPEN;
    }

    public Optional<LocalDate> closure() {
        return Optional.ofNullable(closedOn);
    }

    public enum DmpState {
        /** The DMP exists and is open. */
        OPEN,
        /** The person has no DMP (queryResponseCode NF). */
        ABSENT,
        /** The DMP exists but was closed: it cannot be fed. */
        CLOSED
    }
}
