package fr.duiconnect.cli.bench;

import fr.duiconnect.core.ConnectorHealth;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.ConnectorProperties;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process {@code bench startup} times: builds a connector from the configuration file given, says
 * {@code READY <ms in main> <ms since the JVM started> <services>} once it accepts work, then
 * {@code PREPARED <ms in main> <heap MB after a GC> <health>} once every service is ready (the FHIR validators built in
 * the background), and exits.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        try (DuiConnector connector = DuiConnector.builder().config(ConnectorProperties.load(Path.of(args[0]))).nodeName("startup").build()) {
            long built = System.nanoTime();
            long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("READY " + (built - main) / 1_000_000 + " " + sinceJvm + " " + java.util.Arrays.stream(fr.duiconnect.core.ServiceSocle.values()).filter(s -> connector.config().endpointIfAny(s).isPresent()).count());
            System.out.flush();
            ConnectorHealth health = connector.awaitReady(Duration.ofMinutes(10));
            long prepared = System.nanoTime();
            System.gc();
            Runtime jvm = Runtime.getRuntime();
            System.out.println("PREPARED " + (prepared - main) / 1_000_000 + " " + (jvm.totalMemory() - jvm.freeMemory()) / (1024 * 1024)
                    + " " + (health.ready() ? "ready" : health.services()));
            System.out.flush();
        }
        System.exit(0);
    }
}
