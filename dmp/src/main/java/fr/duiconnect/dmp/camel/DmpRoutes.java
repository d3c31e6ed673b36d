package fr.duiconnect.dmp.camel;

import fr.duiconnect.core.spi.DeliveryEndpoints;
import fr.duiconnect.core.spi.JournaledOperation;
import org.apache.camel.builder.RouteBuilder;

import java.util.Set;
import java.util.function.Function;

/**
 * The thin Camel glue of the DMP module: one delivery route per journaled kind (body a JournaledOperation, answer a
 * DeliveryOutcome; the core retries what is retryable and records the outcome) and the request route of the
 * synchronous calls (TD0.2, ITI-18, ITI-43).
 */
public final class DmpRoutes extends RouteBuilder {

    public static final String CALL = "dmp-call";

    private final Set<String> kinds;
    private final Function<JournaledOperation, Object> deliver;
    private final Function<Object, Object> call;

    public DmpRoutes(Set<String> kinds, Function<JournaledOperation, Object> deliver, Function<Object, Object> call) {
        this.kinds = kinds;
        this.deliver = deliver;
        this.call = call;
    }

    @Override
    public void configure() {
        for (String kind : kinds) {
            from(DeliveryEndpoints.forKind(kind)).routeId("dmp-deliver-" + kind.substring(kind.indexOf('.') + 1))
                    .process(exchange -> exchange.getMessage().setBody(deliver.apply(exchange.getMessage().getBody(JournaledOperation.class))));
        }
        from(DeliveryEndpoints.request(CALL)).routeId(CALL)
                .process(exchange -> exchange.getMessage().setBody(call.apply(exchange.getMessage().getBody())));
    }
}
