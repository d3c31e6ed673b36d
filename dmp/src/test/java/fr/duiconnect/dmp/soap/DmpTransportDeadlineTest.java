package fr.duiconnect.dmp.soap;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Timeouts;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.testing.RawLoopbackPeer;
import fr.duiconnect.dmp.DmpErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hostile DMP peer cannot hold a call nor fill the memory: the whole exchange has a deadline (connect + read),
 * however slowly the answer dribbles in, and the answer a cap checked while it arrives. The peer is a raw loopback
 * socket, core's test kit (the transport is tested alone, so plain HTTP is enough here; the connector itself refuses cleartext).
 */
class DmpTransportDeadlineTest {

    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

    private static final String SOAP = "application/soap+xml";

    private RawLoopbackPeer peer;

    @AfterEach
    void stopPeer() throws IOException {
        peer.close();
    }

    @Test
    @Timeout(30)
    void an_answer_dribbled_one_byte_at_a_time_ends_at_the_exchange_deadline_CORE_TIMEOUT() throws Exception {
        // each byte under the read timeout: only the whole exchange's deadline can stop it
        peer = RawLoopbackPeer.answering(RawLoopbackPeer.drip(RawLoopbackPeer.head(200, SOAP, 1_000_000), 1_000_000, (byte) '<', 400));
        DmpTransport transport = new DmpTransport(endpoint(), 10_000_000);

        assertThatThrownBy(() -> transport.post(transport.service("registry"), SOAP, "<x/>".getBytes()))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    assertThat(e.code()).isEqualTo(CoreErrorCode.TIMEOUT.code());
                    assertThat(e.getMessage()).contains("did not complete within PT3S");
                });
    }

    @Test
    @Timeout(30)
    void an_answer_past_its_cap_is_refused_while_it_arrives_DMP_MALFORMED_ANSWER() throws Exception {
        peer = RawLoopbackPeer.answering(RawLoopbackPeer.flood(RawLoopbackPeer.head(200, SOAP, 200_000_000), 200_000_000, (byte) 0));
        DmpTransport transport = new DmpTransport(endpoint(), 1_000_000);

        assertThatThrownBy(() -> transport.post(transport.service("registry"), SOAP, "<x/>".getBytes()))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    assertThat(e.code()).isEqualTo(DmpErrorCode.MALFORMED_ANSWER.code());
                    assertThat(e.getMessage()).contains("exceeds 1000000 bytes");
                });
    }

    private EndpointConfig endpoint() {
        return new EndpointConfig(URI.create(peer.url("/dmp")), SHORT, null, Map.of());
    }
}
