package fr.duiconnect.harness.conformance;

import java.util.List;

/**
 * A service's scenarios, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/fr.duiconnect.harness.conformance.ConformanceScenarioProvider}).
 */
public interface ConformanceScenarioProvider {

    List<ConformanceScenario> scenarios();
}
