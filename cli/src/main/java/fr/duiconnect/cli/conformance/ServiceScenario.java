package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;

/**
 * A scenario made of its description and a check: skipped when the connector has no endpoint for the service, or
 * when the check needs the sandbox (its personas, a simulator to inspect) and the run targets real endpoints.
 */
public record ServiceScenario(String id, ServiceSocle service, String title, String rule, String reference, boolean needsSandbox,
                              Check check) implements ConformanceScenario {

    /** What the scenario does once it may run. */
    @FunctionalInterface
    public interface Check {
        ScenarioOutcome run(ConformanceContext context) throws Exception;
    }

    /** Makes the scenarios of one service. */
    @FunctionalInterface
    public interface Factory {
        ServiceScenario scenario(String id, String title, String rule, String reference, boolean needsSandbox, Check check);
    }

    /** The factory of one service's scenarios. */
    public static Factory of(ServiceSocle service) {
        return (id, title, rule, reference, needsSandbox, check) -> new ServiceScenario(id, service, title, rule, reference, needsSandbox, check);
    }

    @Override
    public ScenarioOutcome run(ConformanceContext context) throws Exception {
        if (context.connector().config().endpointIfAny(service).isEmpty()) {
            return ScenarioOutcome.skipped("no " + service.key() + " endpoint is configured (dui." + service.key() + ".url)");
        }
        if (needsSandbox && context.sandboxIfAny().isEmpty()) {
            return ScenarioOutcome.skipped("needs the sandbox's simulated " + service.key() + " service");
        }
        return check.run(context);
    }

    /** PASS when the call is refused with the expected code; FAIL when it is accepted or fails otherwise. */
    public static ScenarioOutcome refusedWith(String code, Runnable call) {
        try {
            call.run();
            return ScenarioOutcome.fail("accepted; expected a refusal " + code);
        } catch (DuiConnectException e) {
            return ScenarioOutcome.check(e.code().equals(code), "refused: " + e.code(), "refused with " + e.code() + ", expected " + code,
                    new Evidence("refusal", e.code() + ": " + e.getMessage()));
        }
    }
}
