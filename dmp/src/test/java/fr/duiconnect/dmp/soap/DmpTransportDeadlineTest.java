package fr.duiconnect.dmp.soap;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Timeouts;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.dmp.DmpErrorCode;
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

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hostile DMP peer cannot hold a call nor fill the memory: the whole exchange has a deadline (connect + read),
 * however slowly the answer dribbles in, and the answer a cap checked while it arrives. The peer is a raw loopback
 * socket (the transport is tested alone, so plain HTTP is enough here; the connector itself refuses cleartext).
 */
class DmpTransportDeadlineTest {

    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

    private ServerSocket server;
    private Thread peer;

    @AfterEach
    void stopPeer() throws IOException {
        if (peer != null) {
            peer.interrupt();
        }
        server.close();
    }

    @Test
    @Timeout(30)
    void an_answer_dribbled_one_byte_at_a_time_ends_at_the_exchange_deadline_CORE_TIMEOUT() throws Exception {
        start(out -> {
            out.write(headers(1_000_000));
            for (int i = 0; i < 1_000_000; i++) {
                out.write('<');
                out.flush();
                Thread.sleep(400);   // under the read timeout each time: only the whole deadline can stop it
            }
        });
        DmpTransport transport = new DmpTransport(endpoint(), 10_000_000);

        assertThatThrownBy(() -> transport.post(transport.service("registry"), "application/soap+xml", "<x/>".getBytes()))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(CoreErrorCode.TIMEOUT.code());
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("did not complete within PT3S");
                });
    }

    @Test
    @Timeout(30)
    void an_answer_past_its_cap_is_refused_while_it_arrives_DMP_MALFORMED_ANSWER() throws Exception {
        start(out -> {
            out.write(headers(200_000_000));
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 200_000_000 / chunk.length; i++) {
                out.write(chunk);
            }
        });
        DmpTransport transport = new DmpTransport(endpoint(), 1_000_000);

        assertThatThrownBy(() -> transport.post(transport.service("registry"), "application/soap+xml", "<x/>".getBytes()))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(DmpErrorCode.MALFORMED_ANSWER.code());
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("exceeds 1000000 bytes");
                });
    }

    private interface Answer {
        void write(OutputStream out) throws Exception;
    }

    private void start(Answer answer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        peer = new Thread(() -> {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                readRequestHead(in);
                answer.write(out);
            } catch (Exception ignored) {
                // the client hung up: that is what the tests expect it to do
            }
        }, "hostile-dmp");
        peer.setDaemon(true);
        peer.start();
    }

    private EndpointConfig endpoint() {
        return new EndpointConfig(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/dmp"), SHORT, null, Map.of());
    }

    private static byte[] headers(long length) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void readRequestHead(InputStream in) throws IOException {
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
