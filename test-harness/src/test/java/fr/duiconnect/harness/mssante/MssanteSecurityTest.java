package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS and authentication refusals of the MSSanté client interface (ECO.1.1.x, ECO.1.2.x, ECO.1.3.1). */
class MssanteSecurityTest {

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

    /** A connector on the sandbox configuration changed by the overrides (null value removes the property). */
    private static DuiConnector connector(Map<String, String> overrides) {
        return DuiConnector.builder().config(sandbox.connectorConfigWith(overrides)).build();
    }

    private static OperationStatus send(DuiConnector connector, Duration wait) {
        OperationReceipt receipt = connector.mssante().send(MssanteSendReceiveTest.note(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
        return connector.operations().await(receipt.operationId(), wait);
    }

    private static Map<String, String> psc(String mailbox, Path tokenFile) {
        return PscMailbox.overrides(operator, mailbox, tokenFile);
    }

    @Test
    void eco_1_1_10_server_certificate_of_an_unknown_ca_is_refused_and_not_retried() {
        try (DuiConnector connector = connector(trustingAnotherCa())) {
            OperationStatus status = send(connector, Duration.ofSeconds(30));
            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.attempts()).isEqualTo(1);
            assertThat(status.lastErrorCode()).isEqualTo("CORE-TLS");
        }
    }

    @Test
    void eco_1_1_10_imap_server_certificate_of_an_unknown_ca_is_refused_at_starttls_CORE_TLS_as_for_smtp() {
        try (DuiConnector connector = connector(trustingAnotherCa())) {
            assertThatThrownBy(() -> connector.mssante().fetchInbox())
                    .isInstanceOfSatisfying(DuiConnectException.class, e -> assertThat(e.code()).isEqualTo("CORE-TLS"));
        }
    }

    /** The simulator's own ports, with a trust store that does not hold its CA: its certificate is untrusted. */
    private static Map<String, String> trustingAnotherCa() {
        return Map.of("dui.mssante.tls.truststore", otherPki.trustStore().path().toString(),
                "dui.mssante.tls.truststore.password.file", otherPki.directory().resolve("pki.pass").toString());
    }

    @Test
    void eco_1_3_1_application_interface_refuses_a_client_without_certificate() throws IOException {
        Path token = Files.writeString(dir.resolve("token-nocert"), operator.directory().issueToken(MssanteOperatorSimulator.ORG_MAILBOX, Duration.ofMinutes(5)));
        Map<String, String> overrides = psc(MssanteOperatorSimulator.ORG_MAILBOX, token);
        overrides.put("dui.mssante.url", "smtp://127.0.0.1:" + operator.smtpApplicationPort());
        try (DuiConnector connector = connector(overrides)) {
            OperationStatus status = send(connector, Duration.ofSeconds(30));
            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.lastErrorCode()).isEqualTo("CORE-TLS");
        }
    }

    @Test
    void eco_1_3_1_client_certificate_of_an_unknown_ca_is_refused() throws IOException {
        IssuedCertificate foreign = otherPki.issueOrgAuthClient("foreign-auth.p12", MssanteOperatorSimulator.APP_CLIENT_CN, Sandbox.TEST_FINESS);
        try (DuiConnector connector = connector(Map.of(
                "dui.mssante.tls.keystore", foreign.keyStore().path().toString(),
                "dui.mssante.tls.keystore.password.file", otherPki.directory().resolve("pki.pass").toString()))) {
            OperationStatus status = send(connector, Duration.ofSeconds(30));
            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.lastErrorCode()).isEqualTo("CORE-TLS");
        }
    }

    @Test
    void eco_1_3_1_plain_refused_when_the_certificate_is_not_the_mailbox_one() throws IOException {
        IssuedCertificate other = sandbox.pki().issueOrgAuthClient("other-auth.p12", "AUTRE-ESMS", Sandbox.TEST_FINESS);
        try (DuiConnector connector = connector(Map.of("dui.mssante.tls.keystore", other.keyStore().path().toString()))) {
            OperationStatus status = send(connector, Duration.ofSeconds(30));
            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.lastErrorCode()).isEqualTo("MSS-AUTH");
        }
    }

    @Test
    void eco_1_2_1_xoauth2_with_a_live_psc_token_sends_and_reads() throws IOException {
        operator.host("pole.soins@ehpad.mssante.fr", MailboxKind.ORGANISATIONAL, null);
        Path token = Files.writeString(dir.resolve("token-ok"), operator.directory().issueToken("pole.soins@ehpad.mssante.fr", Duration.ofMinutes(5)));
        try (DuiConnector connector = connector(psc("pole.soins@ehpad.mssante.fr", token))) {
            OperationStatus status = send(connector, Duration.ofSeconds(30));
            assertThat(status.state()).as(String.valueOf(status.lastError())).isEqualTo(OperationState.SENT);
            var batch = connector.mssante().fetchInbox();
            assertThat(batch.receipts()).isNotEmpty();
            assertThat(connector.operations().status(status.operationId()).state()).isEqualTo(OperationState.ACKED);
        }
    }

    @Test
    void eco_1_2_1_xoauth2_with_a_revoked_token_is_refused() throws IOException {
        String issued = operator.directory().issueToken(MssanteOperatorSimulator.ORG_MAILBOX, Duration.ofMinutes(5));
        operator.directory().revokeToken(issued);
        Path token = Files.writeString(dir.resolve("token-revoked"), issued);
        try (DuiConnector connector = connector(psc(MssanteOperatorSimulator.ORG_MAILBOX, token))) {
            OperationStatus status = send(connector, Duration.ofSeconds(30));
            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.lastErrorCode()).isEqualTo("MSS-AUTH");
        }
    }

    @Test
    void eco_1_2_6_and_1_2_7_without_psc_token_sessions_stay_closed_then_reopen_when_a_token_comes() throws IOException {
        Path token = Files.writeString(dir.resolve("token-later"), "");
        try (DuiConnector connector = connector(psc(MssanteOperatorSimulator.ORG_MAILBOX, token))) {
            OperationReceipt receipt = connector.mssante().send(MssanteSendReceiveTest.note(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
            OperationStatus waiting = waitFor(connector, receipt, s -> s.lastErrorCode() != null);
            assertThat(waiting.state()).isEqualTo(OperationState.PENDING);
            assertThat(waiting.lastErrorCode()).isEqualTo("MSS-PSC-ENDED");
            Files.writeString(token, operator.directory().issueToken(MssanteOperatorSimulator.ORG_MAILBOX, Duration.ofMinutes(5)));
            assertThat(connector.operations().await(receipt.operationId(), Duration.ofSeconds(30)).state()).isEqualTo(OperationState.SENT);
        }
    }

    @Test
    void eco_1_2_6_an_open_session_is_closed_when_the_psc_token_ends() throws IOException {
        operator.host("accueil@ehpad.mssante.fr", MailboxKind.ORGANISATIONAL, null);
        Path token = Files.writeString(dir.resolve("token-ends"), operator.directory().issueToken("accueil@ehpad.mssante.fr", Duration.ofMinutes(5)));
        try (DuiConnector connector = connector(psc("accueil@ehpad.mssante.fr", token))) {
            assertThat(send(connector, Duration.ofSeconds(30)).state()).isEqualTo(OperationState.SENT);
            Files.writeString(token, "");
            OperationReceipt receipt = connector.mssante().send(MssanteSendReceiveTest.note(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
            OperationStatus waiting = waitFor(connector, receipt, s -> s.lastErrorCode() != null);
            assertThat(waiting.state()).isEqualTo(OperationState.PENDING);
            assertThat(waiting.lastErrorCode()).isEqualTo("MSS-PSC-ENDED");
        }
    }

    private static OperationStatus waitFor(DuiConnector connector, OperationReceipt receipt, Function<OperationStatus, Boolean> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        OperationStatus status = connector.operations().status(receipt.operationId());
        while (!condition.apply(status) && Instant.now().isBefore(deadline)) {
            status = connector.operations().await(receipt.operationId(), Duration.ofMillis(100));
        }
        return status;
    }
}
