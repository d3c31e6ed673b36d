package fr.duiconnect.cli.conformance;

import java.util.List;

/** What a scenario found: its verdict, a one-line explanation for a referent, and the evidence. */
public record ScenarioOutcome(Verdict verdict, String message, List<Evidence> evidence) {

    public ScenarioOutcome {
        evidence = List.copyOf(evidence);
    }

    public static ScenarioOutcome pass(String message, Evidence... evidence) {
        return new ScenarioOutcome(Verdict.PASS, message, List.of(evidence));
    }

    public static ScenarioOutcome fail(String message, Evidence... evidence) {
        return new ScenarioOutcome(Verdict.FAIL, message, List.of(evidence));
    }

    public static ScenarioOutcome skipped(String reason) {
        return new ScenarioOutcome(Verdict.SKIPPED, reason, List.of());
    }

    /** PASS when the condition holds, FAIL otherwise, with the same evidence. */
    public static ScenarioOutcome check(boolean condition, String passMessage, String failMessage, Evidence... evidence) {
        return condition ? pass(passMessage, evidence) : fail(failMessage, evidence);
    }
}
