package fr.duiconnect.cli;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.harness.sandbox.Sandbox;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code --sandbox}: start the simulators the command needs inside this process;
 * {@code --config FILE}: talk to the endpoints a connector configuration names (a running sandbox, or real ones).
 */
public final class SandboxOptions {

    static final class Target {
        @Option(names = "--sandbox", description = "Run against simulators started inside this process.")
        boolean sandbox;

        @Option(names = "--config", paramLabel = "FILE", description = "Connector configuration (properties) to use.")
        Path config;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--sandbox-dir", paramLabel = "DIR", description = "Working directory of the in-process sandbox (default: a temporary one).")
    Path sandboxDirectory;

    /** Opens a connector for the command, with the simulators of the given services when {@code --sandbox}. */
    public ConnectorSession open(Set<ServiceSocle> services) {
        if (target.config != null) {
            return new ConnectorSession(DuiConnector.builder().config(ConnectorProperties.load(target.config)).build(), null);
        }
        Path directory;
        try {
            directory = sandboxDirectory != null ? sandboxDirectory : Files.createTempDirectory("dui-sandbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sandbox sandbox = Sandbox.start(directory, services, false);
        try {
            return new ConnectorSession(DuiConnector.builder().config(sandbox.connectorConfig()).sharedResources(sandbox.sharedResources()).build(), sandbox);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    public boolean isSandbox() {
        return target.sandbox;
    }

    /** A connector and, with {@code --sandbox}, the simulators it talks to; closing stops both. */
    public record ConnectorSession(DuiConnector connector, Sandbox sandbox) implements AutoCloseable {
        @Override
        public void close() {
            connector.close();
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
