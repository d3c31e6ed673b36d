package fr.duiconnect.harness.sandbox;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.SharedResources;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.harness.faults.FaultAdminServer;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.pki.TestPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The simulated national services on loopback, with a generated test PKI and a ready connector configuration
 * file pointing at them. Used by {@code --sandbox}, by {@code dui-connect sandbox start} and by tests.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    /** FINESS of the sandbox's test EHPAD. */
    public static final String TEST_FINESS = "750000010";

    private final Path directory;
    private final TestPki pki;
    private final List<SandboxSimulator> simulators;
    private final Path propertiesFile;
    private final FaultAdminServer faultAdmin;
    private final SharedResources shared;

    private Sandbox(Path directory, TestPki pki, List<SandboxSimulator> simulators, Path propertiesFile, FaultAdminServer faultAdmin,
                    SharedResources shared) {
        this.shared = shared;
        this.directory = directory;
        this.pki = pki;
        this.simulators = simulators;
        this.propertiesFile = propertiesFile;
        this.faultAdmin = faultAdmin;
    }

    /**
     * Starts the simulators of the requested services (all known ones when empty) under the directory.
     *
     * @param record keep every request each simulator receives under {@code DIR/recorded}
     */
    public static Sandbox start(Path directory, Set<ServiceSocle> services, boolean record) {
        Set<ServiceSocle> wanted = services.isEmpty() ? EnumSet.allOf(ServiceSocle.class) : EnumSet.copyOf(services);
        List<SandboxSimulator> started = new ArrayList<>();
        SharedResources shared = new SharedResources();
        try {
            Files.createDirectories(directory);
            TestPki pki = TestPki.generate(directory.resolve("pki"));
            Path recordDir = record ? Files.createDirectories(directory.resolve("recorded")) : null;
            for (SandboxSimulator simulator : ServiceLoader.load(SandboxSimulator.class, Sandbox.class.getClassLoader())) {
                if (!wanted.contains(simulator.socle())) {
                    continue;
                }
                Path own = Files.createDirectories(directory.resolve(simulator.socle().key()));
                simulator.start(new SandboxContext(pki, own, TEST_FINESS,
                        recordDir == null ? null : Files.createDirectories(recordDir.resolve(simulator.socle().key())), shared));
                started.add(simulator);
            }
            Path properties = writeProperties(directory, started);
            Map<String, FaultSwitch> switches = new TreeMap<>();
            started.forEach(simulator -> switches.put(simulator.socle().key(), simulator.faults()));
            return new Sandbox(directory, pki, List.copyOf(started), properties, FaultAdminServer.start(switches), shared);
        } catch (IOException e) {
            started.forEach(SandboxSimulator::close);
            shared.close();
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            started.forEach(SandboxSimulator::close);
            shared.close();
            throw new IllegalStateException("the sandbox could not start: " + e.getMessage(), e);
        }
    }

    private static Path writeProperties(Path directory, List<SandboxSimulator> simulators) throws IOException {
        Map<String, String> values = new TreeMap<>();
        values.put("dui.software.name", "DUI Connect sandbox");
        values.put("dui.software.version", "0.1.0");
        values.put("dui.software.installation-id", UUID.randomUUID().toString());
        values.put("dui.software.homologation.insi", "CNDA-SANDBOX-0001");
        values.put("dui.software.homologation.dmp", "DMP-SANDBOX-0001");
        values.put("dui.journal.dir", directory.resolve("journal").toAbsolutePath().toString());
        values.put("dui.journal.poll.interval", "PT0.05S");
        values.put("dui.retry.initial-backoff", "PT0.2S");
        values.put("dui.retry.max-backoff", "PT2S");
        for (SandboxSimulator simulator : simulators) {
            values.putAll(simulator.connectorProperties());
        }
        Path file = directory.resolve("connector.properties");
        Properties properties = new Properties();
        properties.putAll(values);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "DUI Connect sandbox: a connector configuration pointing at the simulators");
        }
        return file;
    }

    public Path directory() { return directory; }

    /**
     * What the simulators built once (the FHIR validators): a connector in the same JVM given it
     * ({@code DuiConnector.builder().sharedResources(sandbox.sharedResources())}) builds them no second time.
     */
    public SharedResources sharedResources() { return shared; }

    public TestPki pki() { return pki; }

    /** The connector configuration file written for these simulators. */
    public Path propertiesFile() { return propertiesFile; }

    public ConnectorConfig connectorConfig() {
        return ConnectorProperties.load(propertiesFile);
    }

    public List<SandboxSimulator> simulators() { return simulators; }

    /**
     * The sandbox configuration with some properties changed (or removed, with a null value) and a journal of its
     * own: for tests of a misconfigured or differently configured connector.
     */
    public ConnectorConfig connectorConfigWith(Map<String, String> overrides) {
        try {
            Path own = Files.createTempDirectory(directory, "variant-");
            Properties properties = propertiesWith(overrides);
            if (!overrides.containsKey("dui.journal.dir")) {
                properties.setProperty("dui.journal.dir", own.resolve("journal").toString());
            }
            return ConnectorProperties.fromProperties(properties, own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sandbox configuration with some properties changed (or removed, with a null value), written as
     * {@code DIR/fileName}: for a connector in another process, on the sandbox's journal unless changed.
     */
    public Path propertiesFileWith(String fileName, Map<String, String> overrides) {
        Path file = directory.resolve(fileName);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            propertiesWith(overrides).store(writer, "DUI Connect sandbox, with " + overrides.keySet() + " changed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private Properties propertiesWith(Map<String, String> overrides) throws IOException {
        Properties properties = new Properties();
        try (java.io.Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        overrides.forEach((key, value) -> {
            if (value == null) {
                properties.remove(key);
            } else {
                properties.setProperty(key, value);
            }
        });
        return properties;
    }

    /** The admin HTTP API that switches faults ({@code GET/PUT/DELETE /faults/{service}}). */
    public java.net.URI faultAdminUri() { return faultAdmin.uri(); }

    /** The fault switch of one service's simulator. */
    public FaultSwitch faults(ServiceSocle socle) {
        return simulators.stream().filter(s -> s.socle() == socle).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + socle.key() + " simulator in this sandbox")).faults();
    }

    public <T extends SandboxSimulator> T simulator(Class<T> type) {
        return simulators.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " in this sandbox"));
    }

    @Override
    public void close() {
        faultAdmin.close();
        for (SandboxSimulator simulator : simulators) {
            try {
                simulator.close();
            } catch (RuntimeException e) {
                LOG.warn("simulator {} did not stop cleanly: {}", simulator.socle(), e.getMessage());
            }
        }
        shared.close();
    }
}
