package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Timeouts;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.ErrorCode;
import fr.duiconnect.core.testing.RawLoopbackPeer;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR client holds every exchange to connect + read however the peer dribbles, and every answer to its cap
 * however large the peer makes it. The peer is core's raw loopback peer (plain http is allowed on loopback here).
 */
class FhirRestClientDeadlineTest {

    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    private static final FhirFailureCodes CODES = new FhirFailureCodes() {
        @Override public ErrorCode notFound() { return CoreErrorCode.REMOTE_REFUSED; }
        @Override public ErrorCode gone() { return CoreErrorCode.REMOTE_REFUSED; }
        @Override public ErrorCode accessRefused() { return CoreErrorCode.REMOTE_REFUSED; }
        @Override public ErrorCode conflict() { return CoreErrorCode.REMOTE_REFUSED; }
        @Override public ErrorCode refused() { return CoreErrorCode.REMOTE_REFUSED; }
        @Override public ErrorCode serverError() { return CoreErrorCode.REMOTE_REFUSED; }
        @Override public ErrorCode timeout() { return CoreErrorCode.TIMEOUT; }
        @Override public ErrorCode unreachable() { return CoreErrorCode.TRANSPORT; }
    };

    private static final String FHIR_JSON = "application/fhir+json";

    private RawLoopbackPeer peer;
    private long callStarted;

    @AfterEach
    void stop() throws IOException {
        peer.close();
    }

    @Test
    @Timeout(30)
    void aBundleDribbledUnderTheReadTimeoutEndsAtTheExchangeDeadline() throws Exception {
        peer = RawLoopbackPeer.answering(RawLoopbackPeer.drip(RawLoopbackPeer.head(200, FHIR_JSON, 1_000), 1_000, (byte) ' ', 400));
        DuiConnectException error = search(Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - callStarted);

        assertThat(error.code()).as(error.getMessage()).isEqualTo(CoreErrorCode.TIMEOUT.code());
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Timeout(30)
    void aHeadNeverFinishedEndsAtTheExchangeDeadline() throws Exception {
        peer = RawLoopbackPeer.answering(RawLoopbackPeer.dripHead(RawLoopbackPeer.head(200, FHIR_JSON, 10), 400));
        DuiConnectException error = search(Map.of());

        assertThat(error.code()).as(error.getMessage()).isEqualTo(CoreErrorCode.TIMEOUT.code());
        assertThat(Duration.ofNanos(System.nanoTime() - callStarted)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Timeout(30)
    void anAnswerPastItsCapIsRefusedWhileItArrives() throws Exception {
        peer = RawLoopbackPeer.answering(RawLoopbackPeer.flood(RawLoopbackPeer.head(200, FHIR_JSON, 500_000_000L), 500_000_000L, (byte) ' '));
        DuiConnectException error = search(Map.of("max-answer-bytes", "100000"));

        assertThat(error.code()).isEqualTo(CoreErrorCode.REMOTE_REFUSED.code());
        assertThat(error.getMessage()).contains("exceeds 100000 bytes");
    }

    @Test
    @Timeout(30)
    void anErrorAnswerPastItsCapIsNotReadWhole() throws Exception {
        peer = RawLoopbackPeer.answering(RawLoopbackPeer.flood(RawLoopbackPeer.head(500, FHIR_JSON, 50_000_000L), 50_000_000L, (byte) ' '));
        DuiConnectException error = search(Map.of("max-answer-bytes", "100000"));

        // HAPI reads an error's body only for its message and drops a failure to read it: the status remains.
        assertThat(error.getMessage()).contains("HTTP 500").hasSizeLessThan(200);
        assertThat(Duration.ofNanos(System.nanoTime() - callStarted)).isLessThan(Duration.ofSeconds(3));
    }

    private DuiConnectException search(Map<String, String> options) {
        EndpointConfig endpoint = new EndpointConfig(URI.create(peer.url("/fhir")), SHORT, null, options);
        try (FhirRestClient rest = FhirRestClient.create(FhirContext.forR4(), endpoint, () -> null)) {
            callStarted = System.nanoTime();   // HAPI's first context costs seconds: not the exchange's
            rest.client().search().byUrl("Patient?name=x").returnBundle(Bundle.class).execute();
        } catch (RuntimeException e) {
            return FhirFailures.translate(e, CODES, "search");
        }
        throw new AssertionError("the search should have failed");
    }
}
