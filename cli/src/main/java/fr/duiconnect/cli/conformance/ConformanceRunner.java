package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.error.DuiConnectException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Runs the catalogue of scenarios against one target; a scenario that throws fails, with the exception as evidence. */
public final class ConformanceRunner {

    private ConformanceRunner() {
    }

    /** Every scenario of every provider on the class path, ordered by service then id. */
    public static List<ConformanceScenario> catalogue() {
        List<ConformanceScenario> scenarios = new ArrayList<>();
        for (ConformanceScenarioProvider provider : ServiceLoader.load(ConformanceScenarioProvider.class,
                ConformanceRunner.class.getClassLoader())) {
            scenarios.addAll(provider.scenarios());
        }
        scenarios.sort(Comparator.comparing((ConformanceScenario s) -> s.service()).thenComparing(ConformanceScenario::id));
        return scenarios;
    }

    /** Runs against the connector's services; scenarios of services it lacks are SKIPPED. */
    public static ConformanceReport run(ConformanceContext context, List<ConformanceScenario> scenarios, String target,
                                        Predicate<ConformanceScenario> selected, Consumer<ScenarioResult> progress) {
        return run(context, context.connector().availableServices(), scenarios, target, selected, progress);
    }

    public static ConformanceReport run(ConformanceContext context, java.util.Set<fr.duiconnect.core.ServiceSocle> available,
                                        List<ConformanceScenario> scenarios, String target,
                                        Predicate<ConformanceScenario> selected, Consumer<ScenarioResult> progress) {
        Instant started = Instant.now();
        List<ScenarioResult> results = new ArrayList<>();
        for (ConformanceScenario scenario : scenarios) {
            if (!selected.test(scenario)) {
                continue;
            }
            long begin = System.nanoTime();
            ScenarioOutcome outcome;
            if (!available.contains(scenario.service())) {
                outcome = ScenarioOutcome.skipped("the " + scenario.service().key() + " module is not in this connector");
            } else {
                try {
                    outcome = scenario.run(context);
                } catch (DuiConnectException e) {
                    outcome = ScenarioOutcome.fail("unexpected error " + e.code() + ": " + e.getMessage(), new Evidence("exception", stackTrace(e)));
                } catch (Exception | AssertionError e) {
                    outcome = ScenarioOutcome.fail("the scenario could not complete: " + e, new Evidence("exception", stackTrace(e)));
                }
            }
            ScenarioResult result = new ScenarioResult(scenario, outcome, Duration.ofNanos(System.nanoTime() - begin));
            results.add(result);
            progress.accept(result);
        }
        var software = context.connector().config().software();
        return new ConformanceReport(started, target, software.name() + " " + software.version(), results);
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
