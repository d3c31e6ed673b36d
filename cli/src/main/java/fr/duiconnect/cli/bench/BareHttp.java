package fr.duiconnect.cli.bench;

import fr.duiconnect.core.config.EndpointConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bare baselines' client: a plain JDK HttpClient (HTTP/1.1, connections kept alive) over the endpoint's own
 * mutual TLS context and timeouts — no checks, no journal, no Camel: the wire's limit. Requests are built before
 * the timed part and handed out once each ({@link Prepared}).
 */
public final class BareHttp {

    /**
     * Longer than a connector's read timeout: a simulator's first validation (a FHIR validator warming up on a busy
     * machine) may take tens of seconds, and the connector's retry would hide it where the baseline would fail.
     */
    private static final java.time.Duration ANSWER_WAIT = java.time.Duration.ofMinutes(2);

    private final HttpClient http;
    private final EndpointConfig endpoint;

    public BareHttp(EndpointConfig endpoint) {
        this(endpoint, null);
    }

    /**
     * @param protocol the one TLS version to offer, or null for the endpoint's own: the JDK client's TLS 1.3 exchanges
     *                 with the Jetty-hosted FHIR simulators stall until the timeout (seen with JDK 17.0.15 and Jetty
     *                 12), where TLS 1.2 completes at once; the connector's own FHIR client (HAPI) is not concerned
     */
    public BareHttp(EndpointConfig endpoint, String protocol) {
        this.endpoint = endpoint;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.timeouts().connect()).followRedirects(HttpClient.Redirect.NEVER);
        endpoint.tlsIfAny().ifPresent(tls -> {
            var context = tls.sslContext();
            javax.net.ssl.SSLParameters parameters = tls.sslParameters(context);
            if (protocol != null) {
                parameters.setProtocols(new String[] {protocol});
            }
            builder.sslContext(context).sslParameters(parameters);
        });
        this.http = builder.build();
    }

    /** Posts and returns the answer's body; any status but 2xx is a failed operation. */
    public String post(URI target, String contentType, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(ANSWER_WAIT)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(target + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** Requests built before the timing, each sent once (a replay of the same one would be refused as a duplicate). */
    public static final class Prepared<T> {

        private final java.util.List<T> requests;
        private final AtomicInteger next = new AtomicInteger();

        public Prepared(java.util.List<T> requests) {
            this.requests = requests;
        }

        public T next() {
            int index = next.getAndIncrement();
            if (index >= requests.size()) {
                throw new IllegalStateException("only " + requests.size() + " requests were prepared");
            }
            return requests.get(index);
        }
    }
}
