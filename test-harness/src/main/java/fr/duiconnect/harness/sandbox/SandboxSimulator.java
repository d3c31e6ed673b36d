package fr.duiconnect.harness.sandbox;

import fr.duiconnect.core.ServiceSocle;

import java.util.Map;

/**
 * A simulated national service that the sandbox can start: found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/fr.duiconnect.harness.sandbox.SandboxSimulator}); each load gives a fresh instance.
 * It listens on loopback only, on a free port, and validates what it receives as the national service would.
 */
public interface SandboxSimulator extends AutoCloseable {

    ServiceSocle socle();

    /** Starts on a free loopback port, with certificates from the context's PKI. */
    void start(SandboxContext context) throws Exception;

    /**
     * The connector properties that point a connector at this simulator ({@code dui.<service>.url},
     * {@code dui.<service>.tls.*}, {@code dui.<service>.option.*}), with absolute paths.
     */
    Map<String, String> connectorProperties();

    /**
     * The switch through which tests, command-line flags and the admin API inject faults into this simulator.
     * A simulator consults it for every request it receives.
     */
    fr.duiconnect.harness.faults.FaultSwitch faults();

    /** Where it listens, for people: e.g. {@code https://127.0.0.1:43121/insi}. */
    String describe();

    @Override
    void close();
}
