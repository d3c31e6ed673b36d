package fr.duiconnect.harness.junit;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.harness.sandbox.SandboxSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * JUnit 5 extension for vendors' own tests: starts the simulators of the chosen services on loopback (with a
 * generated test PKI) before the class's tests, and a connector configured against them; both are injected as
 * test parameters and stopped after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.INS, ServiceSocle.DMP);
 *
 * @Test
 * void depositsTheDlu(DuiConnector connector, DmpSimulator dmp) { ... }
 * }</pre>
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Set<ServiceSocle> services;
    private Path directory;
    private Sandbox sandbox;
    private DuiConnector connector;

    private SandboxExtension(Set<ServiceSocle> services) {
        this.services = services;
    }

    /** The given services' simulators (all of them when none is given). */
    public static SandboxExtension of(ServiceSocle... services) {
        return new SandboxExtension(services.length == 0 ? EnumSet.allOf(ServiceSocle.class) : EnumSet.of(services[0], services));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            directory = Files.createTempDirectory("dui-sandbox-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sandbox = Sandbox.start(directory, services, false);
        connector = DuiConnector.builder().config(sandbox.connectorConfig()).sharedResources(sandbox.sharedResources()).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (connector != null) {
            connector.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public DuiConnector connector() {
        return connector;
    }

    /** A second connector on the same sandbox (e.g. a restarted DUI); the caller closes it. */
    public DuiConnector newConnector() {
        return DuiConnector.builder().config(sandbox.connectorConfig()).sharedResources(sandbox.sharedResources()).build();
    }

    /** Test parameters: the {@link Sandbox}, the {@link DuiConnector}, or one of the started simulators by its type (e.g. {@code DmpSimulator}). */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == Sandbox.class || type == DuiConnector.class
                || SandboxSimulator.class.isAssignableFrom(type) && sandbox.simulators().stream().anyMatch(type::isInstance);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Sandbox.class) {
            return sandbox;
        }
        if (type == DuiConnector.class) {
            return connector;
        }
        return sandbox.simulators().stream().filter(type::isInstance).findFirst().orElseThrow();
    }
}
