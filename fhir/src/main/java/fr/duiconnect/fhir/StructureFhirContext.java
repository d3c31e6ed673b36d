package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import org.apache.http.client.HttpClient;

import java.util.function.Supplier;

/**
 * One FhirContext for the REST clients of every structure of a module (#21). A context holds HAPI's scan of the R4
 * model, some 9 MB once a client has parsed a few answers: a context per structure made each e-parcours or
 * e-prescription structure cost that on its first exchange.
 *
 * <p>HAPI takes the HTTP client of each request from the context's client factory, not from the REST client that
 * makes it. Here the factory answers with the HTTP client (TLS key, connection pool) of the structure whose call is
 * running on this thread ({@link FhirRestClient#call}); a request made outside such a call fails rather than go out
 * with some other structure's certificate.
 */
public final class StructureFhirContext {

    private final FhirContext context;
    private final ThreadLocal<HttpClient> current = new ThreadLocal<>();

    public StructureFhirContext(FhirContext context) {
        this.context = context;
        RoutingFactory factory = new RoutingFactory(context);
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        context.setRestfulClientFactory(factory);
    }

    public FhirContext context() {
        return context;
    }

    /** Runs {@code work} with {@code http} as the HTTP client of the requests it makes on this thread. */
    <T> T with(HttpClient http, Supplier<T> work) {
        HttpClient outer = current.get();
        current.set(http);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    private final class RoutingFactory extends ApacheRestfulClientFactory {
        RoutingFactory(FhirContext context) {
            super(context);
        }

        @Override
        public HttpClient getNativeHttpClient() {
            HttpClient http = current.get();
            if (http == null) {
                throw new IllegalStateException("a FHIR request on a shared context outside FhirRestClient.call: no structure's HTTP client");
            }
            return http;
        }
    }
}
