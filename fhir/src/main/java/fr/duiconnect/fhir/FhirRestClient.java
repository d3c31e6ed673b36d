package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.apache.ApacheHttpRequest;
import ca.uhn.fhir.rest.client.apache.ApacheHttpResponse;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import fr.duiconnect.core.config.BearerTokenProvider;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.BoundedAnswer;
import fr.duiconnect.core.spi.ExchangeWatchdog;
import org.apache.http.HttpEntity;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.HttpEntityWrapper;
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
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A HAPI FHIR R4 generic client for one configured endpoint, with its own HTTP connection pool, its own
 * SSLContext built from the endpoint's trust store and client key (peer and host name verified), the endpoint's
 * connect and read timeouts, and a bearer token asked for at each request. HAPI takes the HTTP client of each
 * request from the FhirContext's client factory, so the context given here is installed with this client's
 * factory: give each client (each module instance) its own FhirContext — or, for many structures, one
 * {@link StructureFhirContext} shared by their clients, each request then made within {@link #call}.
 * <p>
 * Apache HttpClient's socket timeout bounds each read, not the exchange. So each request has a deadline (connect +
 * read, {@link fr.duiconnect.core.config.Timeouts#exchange()}) at which a watchdog aborts it, and its answer a size
 * cap ({@code dui.<service>.option.max-answer-bytes}, default {@value #DEFAULT_MAX_ANSWER_BYTES}) checked while it
 * arrives: however the peer dribbles or floods, the call ends with a typed error ({@link FhirFailures}).
 */
public final class FhirRestClient implements AutoCloseable {

    /** A FHIR Bundle of a few hundred resources stays far below 32 MiB; a whole e-parcours pull page too. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 33_554_432;

    private final CloseableHttpClient http;
    private final IGenericClient client;
    private final ExchangeWatchdog watchdog;
    private final StructureFhirContext shared;

    private FhirRestClient(CloseableHttpClient http, IGenericClient client, ExchangeWatchdog watchdog, StructureFhirContext shared) {
        this.http = http;
        this.client = client;
        this.watchdog = watchdog;
        this.shared = shared;
    }

    /** A client on a context shared with other structures' clients: its requests are made within {@link #call}. */
    public static FhirRestClient create(StructureFhirContext shared, EndpointConfig endpoint, Supplier<BearerTokenProvider> tokens) {
        return build(shared.context(), shared, endpoint, tokens);
    }

    /**
     * @param tokens where the bearer token comes from; the supplier may return null (no Authorization header)
     */
    public static FhirRestClient create(FhirContext context, EndpointConfig endpoint, Supplier<BearerTokenProvider> tokens) {
        return build(context, null, endpoint, tokens);
    }

    private static FhirRestClient build(FhirContext context, StructureFhirContext shared, EndpointConfig endpoint,
                                        Supplier<BearerTokenProvider> tokens) {
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
        IGenericClient client;
        if (shared == null) {
            ApacheRestfulClientFactory factory = new ApacheRestfulClientFactory(context);
            // Timeouts first: setting them resets the factory's HTTP client, which must be ours (TLS, pool).
            factory.setConnectTimeout(connect);
            factory.setSocketTimeout(read);
            factory.setConnectionRequestTimeout(connect);
            factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
            factory.setHttpClient(http);
            // HAPI builds each request through the context's client factory: the context must be this client's own.
            context.setRestfulClientFactory(factory);
            client = factory.newGenericClient(endpoint.url().toString());
        } else {
            // the timeouts are the HTTP client's own (RequestConfig above); the shared factory hands it out per call
            client = shared.with(http, () -> context.newRestfulGenericClient(endpoint.url().toString()));
        }
        client.registerInterceptor(new BearerInterceptor(tokens));
        ExchangeWatchdog watchdog = new ExchangeWatchdog("dui-fhir-watchdog-" + endpoint.url().getHost());
        client.registerInterceptor(new DeadlineInterceptor(watchdog, endpoint.timeouts().exchange(), maxAnswerBytes(endpoint)));
        return new FhirRestClient(http, client, watchdog, shared);
    }

    private static long maxAnswerBytes(EndpointConfig endpoint) {
        String value = endpoint.option("max-answer-bytes").orElse(String.valueOf(DEFAULT_MAX_ANSWER_BYTES));
        try {
            long bytes = Long.parseLong(value.trim());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new ConfigurationException("option.max-answer-bytes", "must be a positive number of bytes");
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }

    /** The generic client, for a client on its own context; on a shared one its requests must be made within {@link #call}. */
    public IGenericClient client() {
        return client;
    }

    /** Makes requests with this client: on a shared context, with this client's HTTP client (TLS key, pool). */
    public <T> T call(java.util.function.Function<IGenericClient, T> work) {
        return shared == null ? work.apply(client) : shared.with(http, () -> work.apply(client));
    }

    @Override
    public void close() {
        watchdog.close();
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

    /**
     * Arms the request's deadline when HAPI sends it, and hands HAPI the answer through a {@link BoundedAnswer}. HAPI
     * runs a request and reads its answer on the caller's thread, so the pending exchange is kept per thread.
     */
    /**
     * The last exchange of each thread, kept after it ends so that {@link FhirFailures} can tell a connection the
     * watchdog cut (a plain "Socket closed" to HttpClient) from any other. Per thread, replaced at each request.
     */
    private static final ThreadLocal<Pending> LAST_EXCHANGE = new ThreadLocal<>();

    /** Whether the last exchange on this thread was ended by its deadline. */
    static boolean lastExchangePassedItsDeadline() {
        Pending last = LAST_EXCHANGE.get();
        return last != null && last.expired;
    }

    private static final class DeadlineInterceptor implements IClientInterceptor {

        private final ExchangeWatchdog watchdog;
        private final Duration deadline;
        private final long maxBytes;

        DeadlineInterceptor(ExchangeWatchdog watchdog, Duration deadline, long maxBytes) {
            this.watchdog = watchdog;
            this.deadline = deadline;
            this.maxBytes = maxBytes;
        }

        @Override
        public void interceptRequest(IHttpRequest request) {
            if (request instanceof ApacheHttpRequest apache) {
                Pending exchange = new Pending(apache.getApacheRequest(), System.nanoTime() + deadline.toNanos());
                exchange.alarm = watchdog.arm(deadline, exchange::expire);
                LAST_EXCHANGE.set(exchange);
            }
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
            Pending exchange = LAST_EXCHANGE.get();
            if (exchange != null && response instanceof ApacheHttpResponse apache && apache.getResponse().getEntity() != null) {
                apache.getResponse().setEntity(new BoundedEntity(apache.getResponse().getEntity(), exchange, deadline, maxBytes));
            } else if (exchange != null) {
                exchange.alarm.close();
            }
        }
    }

    /** One request on its way: aborted at the deadline, its answer's stream expired with it. */
    private static final class Pending {
        private final HttpRequestBase request;
        private final long deadlineNanos;
        private volatile ExchangeWatchdog.Alarm alarm;
        private volatile BoundedAnswer answer;
        private volatile boolean expired;

        Pending(HttpRequestBase request, long deadlineNanos) {
            this.request = request;
            this.deadlineNanos = deadlineNanos;
        }

        void expire() {
            expired = true;
            // Abort first: closing HttpClient's answer stream would read the rest of the answer (connection reuse).
            request.abort();   // ends a wait for the head or a read blocked on a silent peer
            BoundedAnswer current = answer;
            if (current != null) {
                current.markExpired();
            }
        }
    }

    private static final class BoundedEntity extends HttpEntityWrapper {
        private final Pending exchange;
        private final Duration deadline;
        private final long maxBytes;

        BoundedEntity(HttpEntity entity, Pending exchange, Duration deadline, long maxBytes) {
            super(entity);
            this.exchange = exchange;
            this.deadline = deadline;
            this.maxBytes = maxBytes;
        }

        @Override
        public InputStream getContent() throws IOException {
            if (getContentLength() > maxBytes) {
                exchange.alarm.close();
                throw new BoundedAnswer.TooLarge(maxBytes);
            }
            if (exchange.answer == null) {
                exchange.answer = new BoundedAnswer(super.getContent(), exchange.deadlineNanos, deadline, maxBytes)
                        .onClose(exchange.alarm::close);
            }
            return exchange.answer;
        }

        @Override
        public boolean isStreaming() {
            return true;
        }
    }
}
