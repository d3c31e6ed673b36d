package fr.duiconnect.harness.hostile;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A FHIR peer (here the prescription service; e-parcours and the Annuaire share the client) that dribbles or floods
 * its answer: the retrieval ends with a typed error at the exchange's deadline or past the answer's cap (issue #19
 * points 2 and 7).
 */
class HostileFhirPeerTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.EPRESCRIPTION);

    private static final String EMPTY_BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"entry\":[]"
            + " ".repeat(200) + "}";

    private static DuiConnectException retrievalFails(HostilePeer peer, Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(more);
        overrides.put("dui.eprescription.url", peer.url("/fhir").toString());
        try (DuiConnector connector = DuiConnector.builder().config(SANDBOX.sandbox().connectorConfigWith(overrides)).build()) {
            connector.eprescription().retrieve("SIM7000002");
        } catch (DuiConnectException e) {
            return e;
        }
        throw new AssertionError("the retrieval should have failed");
    }

    @Test
    @Timeout(60)
    void aBundleDribbledOneByteEveryTwoSecondsEndsAtConnectPlusRead_EPRESC_TIMEOUT() {
        try (HostilePeer peer = HostilePeer.start(SANDBOX.sandbox().pki(),
                Misbehaviour.drip(Misbehaviour.fhirJson(200, EMPTY_BUNDLE), Duration.ofSeconds(2)))) {
            long start = System.nanoTime();
            DuiConnectException error = retrievalFails(peer, Map.of("dui.eprescription.timeout.connect", "PT2S",
                    "dui.eprescription.timeout.read", "PT5S"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(error.code()).as(error.getMessage()).isEqualTo("EPRESC-TIMEOUT");
            assertThat(error.retryable()).isTrue();
            assertThat(took).isLessThan(Duration.ofSeconds(14));   // 7 s budget, plus connector start and stop
        }
    }

    @Test
    @Timeout(60)
    void aBundleOfThreeHundredMegabytesIsRefusedPastItsCap() {
        try (HostilePeer peer = HostilePeer.start(SANDBOX.sandbox().pki(), Misbehaviour.huge(200,
                "application/fhir+json; charset=UTF-8", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[", 300_000_000L, "]}"))) {
            DuiConnectException error = retrievalFails(peer, Map.of("dui.eprescription.option.max-answer-bytes", "1000000"));

            assertThat(error.getMessage()).contains("exceeds 1000000 bytes");
            assertThat(error.retryable()).isFalse();
        }
    }

    @Test
    @Timeout(60)
    void anOperationOutcomeOfFortyMegabytesIsNotReadPastTheDefaultCap_EPRESC_SERVICE_ERROR() {
        String prefix = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\",\"diagnostics\":\"";
        try (HostilePeer peer = HostilePeer.start(SANDBOX.sandbox().pki(), Misbehaviour.huge(500,
                "application/fhir+json; charset=UTF-8", prefix, 40_000_000L, "\"}]}"))) {
            DuiConnectException error = retrievalFails(peer, Map.of());

            // HAPI reads an error's body only for the message: past the cap it keeps the status alone.
            assertThat(error.code()).isEqualTo("EPRESC-SERVICE-ERROR");
            assertThat(error.getMessage()).contains("HTTP 500").hasSizeLessThan(300);
        }
    }
}
