package fr.duiconnect.harness.insi;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * JUnit 5 extension: a simulated INSi (mutual TLS on 127.0.0.1) in a sandbox, and a connector pointed at it.
 * Faults are cleared after each test.
 * <pre>
 * &#64;RegisterExtension static InsiSimulatorExtension insi = new InsiSimulatorExtension();
 * </pre>
 */
public final class InsiSimulatorExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private Sandbox sandbox;
    private DuiConnector connector;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            sandbox = Sandbox.start(Files.createTempDirectory("dui-insi-test-"), Set.of(ServiceSocle.INS), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connector = DuiConnector.builder().config(sandbox.connectorConfig()).build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        simulator().faults().clear();
        simulator().knownAuthorisations(Set.of(InsiSimulator.AUTHORISATION));
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

    public InsiSimulator simulator() {
        return sandbox.simulator(InsiSimulator.class);
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public DuiConnector connector() {
        return connector;
    }

    /** The sandbox configuration with some properties replaced (e.g. another client certificate); the caller closes the connector. */
    public DuiConnector connectorWith(Map<String, String> overrides) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(sandbox.propertiesFile(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.putAll(overrides);
        Path base = sandbox.propertiesFile().getParent();
        ConnectorConfig config = ConnectorProperties.fromProperties(properties, base);
        return DuiConnector.builder().config(config).build();
    }
}
