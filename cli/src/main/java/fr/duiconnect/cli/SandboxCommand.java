package fr.duiconnect.cli;

import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.harness.sandbox.SandboxSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code dui-connect sandbox start}: every simulator in one process on loopback, until interrupted. */
@Command(name = "sandbox", description = "Simulated national services for integration tests.",
        subcommands = SandboxCommand.Start.class)
final class SandboxCommand {

    @Command(name = "start", description = "Start every simulator on loopback, write the test PKI and a connector configuration, run until interrupted.")
    static final class Start implements Runnable {

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "sandbox", description = "Where the PKI, configuration and journal go (default: ${DEFAULT-VALUE}).")
        Path directory;

        @Option(names = "--record", description = "Keep every request each simulator receives (headers and body) under DIR/recorded.")
        boolean record;

        @Option(names = "--fault", paramLabel = "SERVICE=KIND[:count][@ms]",
                description = "Inject a fault from the start, e.g. dmp=HTTP_503:3, ins=LATENCY:5@2000, mssante=SMTP_451 (repeatable).")
        java.util.Map<String, String> faults = new java.util.LinkedHashMap<>();

        @Override
        public void run() {
            Sandbox sandbox = Sandbox.start(directory.toAbsolutePath(), Set.of(), record);
            faults.forEach((service, fault) -> sandbox.faults(fr.duiconnect.core.ServiceSocle.valueOf(service.toUpperCase(java.util.Locale.ROOT)))
                    .set(fr.duiconnect.harness.faults.Fault.parse(fault)));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sandbox.close();
                stopped.countDown();
            }, "dui-sandbox-stop"));
            System.out.println("DUI Connect sandbox running (Ctrl-C to stop)");
            for (SandboxSimulator simulator : sandbox.simulators()) {
                System.out.printf("  %-14s %s%n", simulator.socle().key(), simulator.describe());
            }
            System.out.println("  test PKI       " + sandbox.pki().directory());
            System.out.println("  configuration  " + sandbox.propertiesFile());
            System.out.println("  fault admin    " + sandbox.faultAdminUri() + "   (PUT /faults/<service>?fault=HTTP_503:3, DELETE to clear)");
            if (record) {
                System.out.println("  recordings     " + sandbox.directory().resolve("recorded"));
            }
            System.out.println("Use it with: ./dui-connect <command> --config " + sandbox.propertiesFile());
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
