package fr.duiconnect.cli.conformance;

import java.time.Duration;

/** A scenario with its outcome and how long it took. */
public record ScenarioResult(ConformanceScenario scenario, ScenarioOutcome outcome, Duration elapsed) {

    public Verdict verdict() {
        return outcome.verdict();
    }
}
