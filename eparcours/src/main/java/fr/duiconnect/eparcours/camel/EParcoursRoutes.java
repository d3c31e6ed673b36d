package fr.duiconnect.eparcours.camel;

import fr.duiconnect.core.spi.DeliveryEndpoints;
import fr.duiconnect.core.spi.JournaledOperation;
import org.apache.camel.builder.RouteBuilder;

import java.util.function.Function;

/**
 * The thin Camel glue: the delivery route of journaled posts ({@code direct:dui-deliver-eparcours.post}, body a
 * JournaledOperation, answer a DeliveryOutcome) and the request route of synchronous platform calls.
 */
public final class EParcoursRoutes extends RouteBuilder {

    public static final String POST_KIND = "eparcours.post";
    public static final String CALL = "eparcours-call";

    private final Function<JournaledOperation, Object> deliver;
    private final Function<Object, Object> call;

    public EParcoursRoutes(Function<JournaledOperation, Object> deliver, Function<Object, Object> call) {
        this.deliver = deliver;
        this.call = call;
    }

    @Override
    public void configure() {
        from(DeliveryEndpoints.forKind(POST_KIND)).routeId("eparcours-deliver-post")
                .process(exchange -> exchange.getMessage().setBody(deliver.apply(exchange.getMessage().getBody(JournaledOperation.class))));
        from(DeliveryEndpoints.request(CALL)).routeId(CALL)
                .process(exchange -> exchange.getMessage().setBody(call.apply(exchange.getMessage().getBody())));
    }
}
