package fr.duiconnect.cli.conformance;

import java.util.List;

/**
 * A service's scenarios, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/fr.duiconnect.cli.conformance.ConformanceScenarioProvider}).
 */
public interface ConformanceScenarioProvider {

    List<ConformanceScenario> scenarios();
}
