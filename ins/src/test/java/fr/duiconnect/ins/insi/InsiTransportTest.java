package fr.duiconnect.ins.insi;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.testing.RawLoopbackPeer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A structure's transport sends both INSi operations through one dispatch; each call carries its own SOAP action. */
class InsiTransportTest {

    private static final String ENVELOPE = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
            + "<RECSANSVITALE xmlns=\"urn:test\"/></soap:Body></soap:Envelope>";

    @ParameterizedTest
    @ValueSource(strings = {InsiNamespaces.ACTION_SEARCH_BY_TRAITS, InsiNamespaces.ACTION_SEARCH_BY_VITALE})
    void eachCallCarriesTheSoapActionOfItsOperation(String action) throws Exception {
        try (RawLoopbackPeer peer = RawLoopbackPeer.answering(out -> out.write(RawLoopbackPeer.head(503, "text/plain", 0)));
             InsiBus bus = new InsiBus()) {
            InsiTransport transport = bus.transport(EndpointConfig.of(URI.create(peer.url("/insi"))), InsiTransport.DEFAULT_MAX_ANSWER_BYTES);
            assertThatThrownBy(() -> transport.call(ENVELOPE, action)).hasMessageContaining("INSi");
            assertThat(peer.requestHead()).containsIgnoringCase("content-type: application/soap+xml")
                    .contains("action=\"" + action + "\"");
        }
    }
}
