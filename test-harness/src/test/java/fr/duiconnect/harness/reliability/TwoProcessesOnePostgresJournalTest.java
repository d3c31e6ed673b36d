package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.mssante.BenchMessages;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.sandbox.Sandbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two connector processes drain one PostgreSQL journal while a third, the DUI's, only accepts: every MSSanté message
 * reaches the operator once (counted by Message-ID).
 */
class TwoProcessesOnePostgresJournalTest {

    private static final int MESSAGES = 150;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.MSSANTE);

    @Test
    void twoDrainingProcessesSendEachMessageOnce(Sandbox sandbox) throws Exception {
        String url = System.getenv("DUI_TEST_PG_URL");
        if (url == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must provide PostgreSQL (DUI_TEST_PG_URL)");
            }
            Assumptions.abort("PostgreSQL not available here");
        }
        String user = System.getenv().getOrDefault("DUI_TEST_PG_USER", "dui");
        String schema = "p_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(url, user, System.getenv("DUI_TEST_PG_PASSWORD"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        Map<String, String> postgres = new HashMap<>();
        postgres.put("dui.journal.dir", null);
        postgres.put("dui.journal.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        postgres.put("dui.journal.user", user);
        Path config = sandbox.propertiesFileWith("postgres-connector.properties", postgres);

        List<OperationReceipt> receipts = new ArrayList<>();
        List<Process> drainers = new ArrayList<>();
        try (DuiConnector front = DuiConnector.builder()
                .config(fr.duiconnect.core.config.ConnectorProperties.load(config)).dispatching(false).nodeName("front").build()) {
            byte[] pdf = BenchMessages.pdf();
            for (int i = 0; i < MESSAGES; i++) {
                receipts.add(front.mssante().send(BenchMessages.message(30_000 + i, Sandbox.TEST_FINESS, pdf)));
            }
            for (String node : List.of("drainer-a", "drainer-b")) {
                drainers.add(ConnectorProcess.launch(config, node, sandbox.directory().resolve(node + ".log")));
            }
            for (OperationReceipt receipt : receipts) {
                OperationStatus status = front.operations().await(receipt.operationId(), Duration.ofSeconds(120));
                assertThat(status.state()).isEqualTo(OperationState.SENT);
            }
            Map<String, Integer> byMessageId = new HashMap<>();
            for (MimeMessage message : sandbox.simulator(MssanteOperatorSimulator.class).mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR)) {
                byMessageId.merge(message.getMessageID(), 1, Integer::sum);
            }
            for (OperationReceipt receipt : receipts) {
                String messageId = front.operations().status(receipt.operationId()).remoteReference();
                assertThat(byMessageId.get(messageId)).as("delivered once").isEqualTo(1);
            }
            System.out.printf("two processes on one PostgreSQL journal: %d accepted, %d distinct Message-IDs delivered once each%n",
                    receipts.size(), byMessageId.size());
        } finally {
            for (Process drainer : drainers) {
                drainer.destroy();
                drainer.waitFor(20, TimeUnit.SECONDS);
                drainer.destroyForcibly();
            }
        }
    }
}
