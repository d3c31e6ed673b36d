package fr.duiconnect.cli.mssante;

import fr.duiconnect.harness.mssante.BenchMessages;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code dui-connect bench mssante-send}: the connector's whole path per message: compose (checks, headers), IHE_XDM
 * archive with METADATA.XML, S/MIME sign + encrypt, journal, then submission to the simulated operator over STARTTLS
 * with mutual TLS, waited for until SENT. Compare with {@code mssante-send-bare}.
 */
public final class MssanteSendScenario implements BenchScenario {

    private DuiConnector connector;
    private String finess;
    private byte[] pdf;

    @Override public String name() { return "mssante-send"; }

    @Override public String description() {
        return "MSSanté: compose + XDM + sign + encrypt + journal + submit to the simulated operator, per message";
    }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.MSSANTE); }

    /** Sign and encrypt, as a DUI sends to a professional (the sandbox's own policy is sign only). */
    @Override
    public Map<String, String> connectorProperties() {
        return Map.of("dui.mssante.option.smime.policy", "sign+encrypt");
    }

    @Override
    public void setUp(DuiConnector connector, Sandbox sandbox) {
        this.connector = connector;
        finess = connector.config().endpoint(ServiceSocle.MSSANTE).option("finess").orElse(Sandbox.TEST_FINESS);
        pdf = BenchMessages.pdf();
    }

    @Override
    public void run(int index) {
        OperationReceipt receipt = connector.mssante().send(BenchMessages.message(Math.abs(index), finess, pdf));
        OperationStatus status = connector.operations().await(receipt.operationId(), Duration.ofSeconds(60));
        if (status.state() != OperationState.SENT) {
            throw new IllegalStateException("not sent: " + status.state() + " " + status.lastError());
        }
    }
}
