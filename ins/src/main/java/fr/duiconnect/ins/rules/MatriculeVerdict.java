package fr.duiconnect.ins.rules;

import fr.duiconnect.core.model.Ins;
import fr.duiconnect.ins.InsErrorCode;

import java.util.List;
import java.util.Optional;

/**
 * What {@link MatriculeCheck} found: the INS when valid, otherwise every rule broken with a sentence each.
 */
public record MatriculeVerdict(String matricule, Ins ins, List<Violation> violations) {

    public record Violation(InsErrorCode code, String message) { }

    public MatriculeVerdict {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    public Optional<Ins> insIfValid() {
        return Optional.ofNullable(ins);
    }
}
