package fr.duiconnect.cli.mssante;

import fr.duiconnect.harness.mssante.BenchMessages;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

/**
 * {@code dui-connect bench mssante-send}: the connector's whole path per message: compose (checks, headers), IHE_XDM
 * archive with METADATA.XML, S/MIME sign + encrypt, journal, then submission to the simulated operator over STARTTLS
 * with mutual TLS, waited for until SENT. Compare with {@code mssante-send-bare}.
 */
public final class MssanteSendScenario implements BenchScenario, AutoCloseable {

    private DuiConnector encrypting;
    private String finess;
    private byte[] pdf;

    @Override public String name() { return "mssante-send"; }

    @Override public String description() {
        return "MSSanté: compose + XDM + sign + encrypt + journal + submit to the simulated operator, per message";
    }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.MSSANTE); }

    @Override
    public void setUp(DuiConnector connector, Sandbox sandbox) throws Exception {
        encrypting = withPolicy(sandbox, "sign+encrypt");
        finess = encrypting.config().endpoint(ServiceSocle.MSSANTE).option("finess").orElse(Sandbox.TEST_FINESS);
        pdf = BenchMessages.pdf();
    }

    /** A connector on the sandbox configuration with another S/MIME policy and its own journal. */
    static DuiConnector withPolicy(Sandbox sandbox, String policy) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(sandbox.propertiesFile())) {
            properties.load(reader);
        }
        properties.setProperty("dui.mssante.option.smime.policy", policy);
        Path own = Files.createTempDirectory(sandbox.directory(), "bench-");
        properties.setProperty("dui.journal.dir", own.resolve("journal").toString());
        Path file = own.resolve("connector.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return DuiConnector.builder().config(ConnectorProperties.load(file)).build();
    }

    @Override
    public void run(int index) {
        OperationReceipt receipt = encrypting.mssante().send(BenchMessages.message(Math.abs(index), finess, pdf));
        OperationStatus status = encrypting.operations().await(receipt.operationId(), Duration.ofSeconds(60));
        if (status.state() != OperationState.SENT) {
            throw new IllegalStateException("not sent: " + status.state() + " " + status.lastError());
        }
    }

    @Override
    public void close() {
        if (encrypting != null) {
            encrypting.close();
        }
    }
}
