package fr.duiconnect.core.journal;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.config.RetryPolicy;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.testing.ScriptedClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds connectors over a test journal with the scripted module. */
final class JournalHarness {

    static final RetryPolicy FAST_RETRY = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(100), 2.0, 0.2);

    private JournalHarness() {
    }

    static ConnectorConfig config(JournalConfig journal, RetryPolicy retry) {
        return ConnectorConfig.builder()
                .software(new SoftwareIdentity("DUI test", "1.0", Map.of(), UUID.randomUUID()))
                .journal(journal)
                .retry(retry)
                .build();
    }

    static DuiConnector connector(JournalConfig journal, boolean dispatching, String node) {
        return DuiConnector.builder().config(config(journal, FAST_RETRY)).dispatching(dispatching).nodeName(node).build();
    }

    static ScriptedClient scripted(DuiConnector connector) {
        return (ScriptedClient) connector.ins();
    }

    static List<String> ledger(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
