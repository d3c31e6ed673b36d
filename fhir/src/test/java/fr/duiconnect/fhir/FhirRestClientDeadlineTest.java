package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Timeouts;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.ErrorCode;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR client holds every exchange to connect + read however the peer dribbles, and every answer to its cap
 * however large the peer makes it. The peer is a raw loopback socket (plain http is allowed on loopback here).
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

    private ServerSocket server;
    private long callStarted;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    @Timeout(30)
    void aBundleDribbledUnderTheReadTimeoutEndsAtTheExchangeDeadline() throws Exception {
        start(out -> {
            out.write(head(200, 1_000));
            for (int i = 0; i < 1_000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(400);
            }
        });
        DuiConnectException error = search(Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - callStarted);

        assertThat(error.code()).as(error.getMessage()).isEqualTo(CoreErrorCode.TIMEOUT.code());
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Timeout(30)
    void aHeadNeverFinishedEndsAtTheExchangeDeadline() throws Exception {
        start(out -> {
            byte[] head = head(200, 10);
            for (byte b : head) {
                out.write(b);
                out.flush();
                Thread.sleep(400);
            }
        });
        DuiConnectException error = search(Map.of());

        assertThat(error.code()).as(error.getMessage()).isEqualTo(CoreErrorCode.TIMEOUT.code());
        assertThat(Duration.ofNanos(System.nanoTime() - callStarted)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Timeout(30)
    void anAnswerPastItsCapIsRefusedWhileItArrives() throws Exception {
        start(flood(200, 500_000_000L));
        DuiConnectException error = search(Map.of("max-answer-bytes", "100000"));

        assertThat(error.code()).isEqualTo(CoreErrorCode.REMOTE_REFUSED.code());
        assertThat(error.getMessage()).contains("exceeds 100000 bytes");
    }

    @Test
    @Timeout(30)
    void anErrorAnswerPastItsCapIsNotReadWhole() throws Exception {
        start(flood(500, 50_000_000L));
        DuiConnectException error = search(Map.of("max-answer-bytes", "100000"));

        // HAPI reads an error's body only for its message and drops a failure to read it: the status remains.
        assertThat(error.getMessage()).contains("HTTP 500").hasSizeLessThan(200);
        assertThat(Duration.ofNanos(System.nanoTime() - callStarted)).isLessThan(Duration.ofSeconds(3));
    }

    private DuiConnectException search(Map<String, String> options) {
        EndpointConfig endpoint = new EndpointConfig(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/fhir"), SHORT, null, options);
        try (FhirRestClient rest = FhirRestClient.create(FhirContext.forR4(), endpoint, () -> null)) {
            callStarted = System.nanoTime();   // HAPI's first context costs seconds: not the exchange's
            rest.client().search().byUrl("Patient?name=x").returnBundle(Bundle.class).execute();
        } catch (RuntimeException e) {
            return FhirFailures.translate(e, CODES, "search");
        }
        throw new AssertionError("the search should have failed");
    }

    private interface Answer {
        void write(OutputStream out) throws Exception;
    }

    private void start(Answer answer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread peer = new Thread(() -> {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                readHead(in);
                answer.write(out);
            } catch (Exception ignored) {
                // the client hung up: what the tests expect it to do
            }
        }, "hostile-fhir");
        peer.setDaemon(true);
        peer.start();
    }

    /** An answer of {@code length} spaces, streamed. */
    private static Answer flood(int status, long length) {
        return out -> {
            out.write(head(status, length));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (long sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
            }
        };
    }

    private static byte[] head(int status, long length) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: application/fhir+json\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }
}
