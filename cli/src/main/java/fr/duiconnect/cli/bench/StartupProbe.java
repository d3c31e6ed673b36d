package fr.duiconnect.cli.bench;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.ConnectorProperties;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The process {@code bench startup} times: builds a connector from the configuration file given, says
 * {@code READY <ms in main> <ms since the JVM started>} once it accepts work, and exits.
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
        }
        System.exit(0);
    }
}
