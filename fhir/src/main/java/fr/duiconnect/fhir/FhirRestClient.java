package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import fr.duiconnect.core.config.BearerTokenProvider;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.core.error.ConfigurationException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A HAPI FHIR R4 generic client for one configured endpoint, with its own HTTP connection pool, its own
 * SSLContext built from the endpoint's trust store and client key (peer and host name verified), the endpoint's
 * connect and read timeouts, and a bearer token asked for at each request. HAPI takes the HTTP client of each
 * request from the FhirContext's client factory, so the context given here is installed with this client's
 * factory: give each client (each module instance) its own FhirContext.
 */
public final class FhirRestClient implements AutoCloseable {

    private final CloseableHttpClient http;
    private final IGenericClient client;

    private FhirRestClient(CloseableHttpClient http, IGenericClient client) {
        this.http = http;
        this.client = client;
    }

    /**
     * @param tokens where the bearer token comes from; the supplier may return null (no Authorization header)
     */
    public static FhirRestClient create(FhirContext context, EndpointConfig endpoint, Supplier<BearerTokenProvider> tokens) {
        String scheme = endpoint.url().getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new ConfigurationException("url", "a FHIR endpoint is https:// (or http:// on loopback only)");
        }
        if ("http".equals(scheme) && !isLoopback(endpoint.url().getHost())) {
            throw new ConfigurationException("url", "plain http is only allowed on loopback; health data travel over TLS");
        }
        RegistryBuilder<ConnectionSocketFactory> sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory());
        if ("https".equals(scheme)) {
            TlsConfig tls = endpoint.tlsIfAny().orElseThrow(() -> new ConfigurationException("tls.truststore",
                    "an https FHIR endpoint needs a trust store in the configuration"));
            SSLContext ssl = tls.sslContext();
            SSLParameters parameters = tls.sslParameters(ssl);
            sockets.register("https", new SSLConnectionSocketFactory(ssl, parameters.getProtocols(), parameters.getCipherSuites(),
                    new DefaultHostnameVerifier()));
        }
        Registry<ConnectionSocketFactory> registry = sockets.build();
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(registry);
        pool.setMaxTotal(20);
        pool.setDefaultMaxPerRoute(10);
        int connect = (int) endpoint.timeouts().connect().toMillis();
        int read = (int) endpoint.timeouts().read().toMillis();
        RequestConfig requests = RequestConfig.custom().setConnectTimeout(connect).setSocketTimeout(read)
                .setConnectionRequestTimeout(connect).build();
        CloseableHttpClient http = HttpClients.custom().setConnectionManager(pool).setDefaultRequestConfig(requests)
                .disableCookieManagement().setConnectionTimeToLive(5, TimeUnit.MINUTES).build();
        ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(context);
        // Timeouts first: setting them resets the factory's HTTP client, which must be ours (TLS, pool).
        factory.setConnectTimeout(connect);
        factory.setSocketTimeout(read);
        factory.setConnectionRequestTimeout(connect);
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setHttpClient(http);
        // HAPI builds each request through the context's client factory: the context must be this client's own.
        context.setRestfulClientFactory(factory);
        IGenericClient client = factory.newGenericClient(endpoint.url().toString());
        client.registerInterceptor(new BearerInterceptor(tokens));
        return new FhirRestClient(http, client);
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }

    public IGenericClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // closing idle connections only; nothing to report
        }
    }

    private record BearerInterceptor(Supplier<BearerTokenProvider> tokens) implements IClientInterceptor {
        @Override
        public void interceptRequest(IHttpRequest request) {
            BearerTokenProvider provider = tokens.get();
            if (provider != null) {
                provider.accessToken().use(chars -> {
                    request.addHeader("Authorization", "Bearer " + new String(chars));
                    return null;
                });
            }
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
        }
    }
}
