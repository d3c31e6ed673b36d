package fr.duiconnect.harness.insi;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What goes wrong with INSi becomes a typed error; only what a retry can mend is retryable. */
class InsiFaultsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.INS);

    @TempDir
    Path dir;

    private static final InsSearchRequest ADRUN = InsSearchRequest.of(
            InsiCndaCasesTest.person("ADRUN", "ZOE", Sex.F, "1975-12-31", "63220"), Sandbox.TEST_FINESS);

    @AfterEach
    void clearFaults() {
        SANDBOX.sandbox().faults(ServiceSocle.INS).clear();
    }

    private static DuiConnectException searchFails(DuiConnector connector) {
        try {
            connector.ins().search(ADRUN);
        } catch (DuiConnectException e) {
            return e;
        }
        throw new AssertionError("the search should have failed");
    }

    private DuiConnector variant(Map<String, String> overrides) {
        return DuiConnector.builder().config(SANDBOX.sandbox().connectorConfigWith(overrides)).build();
    }

    @Test
    void aCertificateWhoseCnIsNotInsiAutoOrManuGetsDesir560() {
        Sandbox sandbox = SANDBOX.sandbox();
        var wrong = sandbox.pki().issueOrgAuthClient("wrong-cn.p12", "EHPAD-LOGICIEL", Sandbox.TEST_FINESS);
        try (DuiConnector connector = variant(Map.of("dui.ins.tls.keystore", wrong.keyStore().path().toString()))) {
            DuiConnectException error = searchFails(connector);
            assertThat(error.code()).isEqualTo("INS-INSI-ACCESS");
            assertThat(((RemoteServiceException) error).remoteCode()).contains("DESIR_560");
            assertThat(error.retryable()).isFalse();
        }
    }

    @Test
    void softwareWithoutCndaAuthorisationGetsDesir550() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("dui.software.homologation.insi", null);
        try (DuiConnector connector = variant(overrides)) {
            DuiConnectException error = searchFails(connector);
            assertThat(((RemoteServiceException) error).remoteCode()).contains("desir_550");
        }
    }

    @Test
    void aServerFromAnUnknownCaIsRefused_tls() {
        TestPki other = TestPki.generate(dir.resolve("other"), "OTHER");
        try (DuiConnector connector = variant(Map.of("dui.ins.tls.truststore", other.trustStore().path().toString(),
                "dui.ins.tls.truststore.password.file", other.directory().resolve("pki.pass").toString()))) {
            DuiConnectException error = searchFails(connector);
            assertThat(error.code()).isEqualTo("CORE-TLS");
            assertThat(error.retryable()).isFalse();
        }
    }

    @Test
    void aServerCertificateForAnotherHostIsRefused() {
        String url = SANDBOX.sandbox().connectorConfig().endpoint(ServiceSocle.INS).url().toString().replace("127.0.0.1", "127.0.0.2");
        try (DuiConnector connector = variant(Map.of("dui.ins.url", url))) {
            assertThat(searchFails(connector).code()).isIn("CORE-TLS", "CORE-TRANSPORT");
        }
    }

    @Test
    void http503IsUnavailableAndRetryable(DuiConnector connector) {
        SANDBOX.sandbox().faults(ServiceSocle.INS).set(Fault.times(FaultKind.HTTP_503, 1));
        DuiConnectException error = searchFails(connector);
        assertThat(error.code()).isEqualTo("INS-INSI-UNAVAILABLE");
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void aSoapFaultCarriesTheSiramCode(DuiConnector connector) {
        SANDBOX.sandbox().faults(ServiceSocle.INS).set(Fault.times(FaultKind.SOAP_FAULT, 1));
        DuiConnectException error = searchFails(connector);
        assertThat(error.code()).isEqualTo("INS-INSI-FAULT");
        assertThat(((RemoteServiceException) error).remoteCode()).contains("desir_900");
    }

    @Test
    void aResetConnectionIsATransportErrorWorthRetrying(DuiConnector connector) {
        SANDBOX.sandbox().faults(ServiceSocle.INS).set(Fault.times(FaultKind.CONNECTION_RESET, 1));
        DuiConnectException error = searchFails(connector);
        assertThat(error.code()).isEqualTo("CORE-TRANSPORT");
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void noAnswerWithinTheReadTimeoutIsATimeout() {
        SANDBOX.sandbox().faults(ServiceSocle.INS).set(Fault.latency(Duration.ofMillis(2500), 1));
        try (DuiConnector connector = variant(Map.of("dui.ins.timeout.read", "PT1S"))) {
            DuiConnectException error = searchFails(connector);
            assertThat(error.code()).isEqualTo("CORE-TIMEOUT");
            assertThat(error.retryable()).isTrue();
        }
    }

    @Test
    void aFailedHandshakeIsATlsError() {
        SANDBOX.sandbox().faults(ServiceSocle.INS).set(Fault.times(FaultKind.TLS_FAILURE, 1));
        // A new connector opens a new connection, so the next handshake is the one that fails.
        try (DuiConnector connector = variant(Map.of())) {
            assertThat(searchFails(connector).code()).isIn("CORE-TLS", "CORE-TRANSPORT");
        }
    }

    @Test
    void theSimulatorBehavesAgainOnceTheFaultIsSpent(DuiConnector connector) {
        SANDBOX.sandbox().faults(ServiceSocle.INS).set(Fault.times(FaultKind.HTTP_500, 1));
        assertThatThrownBy(() -> connector.ins().search(ADRUN)).isInstanceOf(DuiConnectException.class);
        assertThat(connector.ins().search(ADRUN).found()).isTrue();
    }
}
