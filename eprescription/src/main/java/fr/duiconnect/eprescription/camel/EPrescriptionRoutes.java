package fr.duiconnect.eprescription.camel;

import fr.duiconnect.core.spi.DeliveryEndpoints;
import org.apache.camel.builder.RouteBuilder;

import java.util.function.Function;

/**
 * The thin Camel glue of the module: the synchronous request route that searches the prescription service.
 * The body in is a {@code PrescriptionQuery}, the body out the FHIR search Bundle.
 */
public final class EPrescriptionRoutes extends RouteBuilder {

    public static final String SEARCH = "eprescription-search";

    private final Function<Object, Object> search;

    public EPrescriptionRoutes(Function<Object, Object> search) {
        this.search = search;
    }

    @Override
    public void configure() {
        from(DeliveryEndpoints.request(SEARCH)).routeId(SEARCH)
                .process(exchange -> exchange.getMessage().setBody(search.apply(exchange.getMessage().getBody())));
    }
}
