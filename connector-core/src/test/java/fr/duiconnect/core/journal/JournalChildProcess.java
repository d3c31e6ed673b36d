package fr.duiconnect.core.journal;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.testing.ScriptedClient;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A connector in its own JVM, for tests that kill it with SIGKILL.
 * Arguments: jdbcUrl user dispatching(true|false) key script ledgerFile.
 * Prints "ACCEPTED id" once the accept call returned, then keeps running until killed.
 */
public final class JournalChildProcess {

    private JournalChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        JournalConfig journal = new JournalConfig(url, args[1], System.getenv("DUI_TEST_PG_PASSWORD") == null ? null
                : Secret.of(System.getenv("DUI_TEST_PG_PASSWORD")), 4, Duration.ofMillis(20), 20, Duration.ofSeconds(2));
        DuiConnector connector = JournalHarness.connector(journal, Boolean.parseBoolean(args[2]), "child");
        var receipt = JournalHarness.scripted(connector).accept(ScriptedClient.request(args[3], args[4], Path.of(args[5])));
        System.out.println("ACCEPTED " + receipt.operationId());
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();   // runs until the test kills this process
    }
}
