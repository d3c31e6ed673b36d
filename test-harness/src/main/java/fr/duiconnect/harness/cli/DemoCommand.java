package fr.duiconnect.harness.cli;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.harness.sandbox.SandboxSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code dui-connect demo}: the whole story on the embedded sandbox, step by step. Steps whose service module or
 * simulator is not in this build are reported as such rather than faked.
 */
@Command(name = "demo", description = "Run the whole story on the embedded sandbox, with progress shown.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory (default: a temporary one).")
    Path directory;

    @Override
    public Integer call() throws Exception {
        Path dir = directory != null ? directory : Files.createTempDirectory("dui-demo-");
        System.out.println("DUI Connect demo — sandbox in " + dir);
        try (Sandbox sandbox = Sandbox.start(dir, Set.of(), false);
             DuiConnector connector = DuiConnector.builder().config(sandbox.connectorConfig()).build()) {
            System.out.println("[1] sandbox started: test PKI generated, configuration " + sandbox.propertiesFile());
            for (SandboxSimulator simulator : sandbox.simulators()) {
                System.out.printf("      simulator %-14s %s%n", simulator.socle().key(), simulator.describe());
            }
            System.out.println("[2] connector started; services available: " + connector.availableServices());
            for (ServiceSocle socle : ServiceSocle.values()) {
                if (!connector.availableServices().contains(socle)) {
                    System.out.println("      " + socle.key() + ": module " + socle.artifactId() + " not in this build yet");
                }
            }
            System.out.println("[3] journal: " + connector.operations().list(fr.duiconnect.core.operation.OperationState.PENDING, 10).size()
                    + " pending operation(s)");
        }
        return 0;
    }
}
