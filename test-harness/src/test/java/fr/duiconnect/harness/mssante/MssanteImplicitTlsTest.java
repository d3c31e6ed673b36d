package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.mssante.hostile.DrippingTlsPeer;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Implicit TLS (ECO.1.0.1's other form): {@code smtps://} and {@code imaps://} against the operator simulator's
 * implicit-TLS ports, end to end; an implicit-TLS server whose certificate is not from the trust store is refused
 * at the handshake with CORE-TLS, as with STARTTLS, before any SMTP or IMAP command is sent to it; and one that
 * dribbles after the handshake is cut at the same whole-exchange deadline as with STARTTLS (#19 point 2).
 */
class MssanteImplicitTlsTest {

    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static MssanteOperatorSimulator operator;
    static TestPki otherPki;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(dir.resolve("sandbox"), Set.of(ServiceSocle.MSSANTE), false);
        operator = sandbox.simulator(MssanteOperatorSimulator.class);
        otherPki = TestPki.generate(dir.resolve("other-pki"), "UNKNOWN CA");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static DuiConnector connector(Map<String, String> overrides) {
        return DuiConnector.builder().config(sandbox.connectorConfigWith(overrides)).build();
    }

    private static OperationStatus send(DuiConnector connector) {
        OperationReceipt receipt = connector.mssante().send(MssanteSendReceiveTest.note(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
        return connector.operations().await(receipt.operationId(), Duration.ofSeconds(60));
    }

    /** An implicit-TLS server with a certificate of another CA; it records every line a client would send after the handshake. */
    private static Listener impostor(List<String> received) throws Exception {
        ServerTls tls = new ServerTls(otherPki, otherPki.issueServer("impostor-" + received.hashCode() + ".p12"));
        return new Listener("impostor", socket -> {
            LineChannel channel = new LineChannel(socket);
            channel.startTls(tls.context(), tls.parameters(false));
            channel.send("220 impostor ESMTP");
            for (String line = channel.readLine(4096); line != null; line = channel.readLine(4096)) {
                received.add(line);
            }
        });
    }

    @Test
    void smtpsSendsTheMessageOverImplicitTls() {
        try (DuiConnector connector = connector(Map.of("dui.mssante.url", "smtps://127.0.0.1:" + operator.smtpsApplicationPort()))) {
            OperationStatus status = send(connector);
            assertThat(status.state()).as(String.valueOf(status.lastError())).isEqualTo(OperationState.SENT);
            assertThat(operator.mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR)).isNotEmpty();
        }
    }

    @Test
    void imapsReadsTheMailboxOverImplicitTls() {
        try (DuiConnector connector = connector(Map.of("dui.mssante.url", "smtps://127.0.0.1:" + operator.smtpsApplicationPort(),
                "dui.mssante.option.imap.url", "imaps://127.0.0.1:" + operator.imapsApplicationPort()))) {
            OperationStatus status = send(connector);
            assertThat(status.state()).as(String.valueOf(status.lastError())).isEqualTo(OperationState.SENT);
            assertThat(connector.mssante().fetchInbox().receipts()).isNotEmpty();
            assertThat(connector.operations().status(status.operationId()).state()).isEqualTo(OperationState.ACKED);
        }
    }

    @Test
    void smtpsRefusesAServerCertificateOutsideTheTrustStoreBeforeAnyCommand() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (Listener impostor = impostor(received);
             DuiConnector connector = connector(Map.of("dui.mssante.url", "smtps://127.0.0.1:" + impostor.port()))) {
            OperationStatus status = send(connector);
            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.lastErrorCode()).isEqualTo("CORE-TLS");
            assertThat(status.attempts()).as("an untrusted server is not retried").isEqualTo(1);
        }
        assertThat(received).as("commands sent to the impostor").isEmpty();
    }

    @Test
    void imapsRefusesAServerCertificateOutsideTheTrustStoreBeforeAnyCommand() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (Listener impostor = impostor(received);
             DuiConnector connector = connector(Map.of("dui.mssante.option.imap.url", "imaps://127.0.0.1:" + impostor.port()))) {
            assertThatThrownBy(() -> connector.mssante().fetchInbox()).isInstanceOf(DuiConnectException.class)
                    .satisfies(e -> assertThat(((DuiConnectException) e).code()).isEqualTo("CORE-TLS"));
        }
        assertThat(received).as("commands sent to the impostor").isEmpty();
    }

    @Test
    void smtps_server_dribbling_after_the_handshake_is_cut_at_the_submission_deadline_CORE_TIMEOUT() {
        // One byte every 2 s: each read is answered within the 3 s read timeout; only the 4 s whole deadline ends it.
        DrippingTlsPeer drip = new DrippingTlsPeer(sandbox.pki(), "220 ", Duration.ofSeconds(2));
        // The peer closes first: a connector without a deadline would otherwise wait for it when closing.
        try (DuiConnector connector = connector(dribbleTimeouts("dui.mssante.url", "smtps://127.0.0.1:" + drip.port())); drip) {
            long start = System.nanoTime();
            OperationReceipt receipt = connector.mssante().send(MssanteSendReceiveTest.note(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
            OperationStatus status = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> firstFailure(connector, receipt));
            assertThat(status.lastErrorCode()).isEqualTo("CORE-TIMEOUT");
            assertThat(status.lastError()).contains("SMTP", "deadline of PT4S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void imaps_server_dribbling_after_the_handshake_is_cut_at_the_exchange_deadline_CORE_TIMEOUT() {
        DrippingTlsPeer drip = new DrippingTlsPeer(sandbox.pki(), "* OK ", Duration.ofSeconds(2));
        try (DuiConnector connector = connector(dribbleTimeouts("dui.mssante.option.imap.url", "imaps://127.0.0.1:" + drip.port())); drip) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatThrownBy(() -> connector.mssante().fetchInbox())
                    .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                        assertThat(e.code()).isEqualTo("CORE-TIMEOUT");
                        assertThat(e.getMessage()).contains("IMAP", "deadline of PT4S");
                    }));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    /** A per-read timeout longer than the peer's pause between bytes: the whole deadline is connect + read, 4 s. */
    private static Map<String, String> dribbleTimeouts(String key, String url) {
        return Map.of(key, url, "dui.mssante.timeout.connect", "PT1S", "dui.mssante.timeout.read", "PT3S");
    }

    /** The operation's status once its first attempt failed (its error recorded). */
    private static OperationStatus firstFailure(DuiConnector connector, OperationReceipt receipt) throws InterruptedException {
        OperationStatus status = connector.operations().status(receipt.operationId());
        while (status.lastErrorCode() == null) {
            Thread.sleep(100);
            status = connector.operations().status(receipt.operationId());
        }
        return status;
    }
}
