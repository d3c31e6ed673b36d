package fr.duiconnect.ins.camel;

import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.spi.DeliveryEndpoints;
import fr.duiconnect.ins.InsSearcher;
import org.apache.camel.builder.RouteBuilder;

/** Thin synchronous route: {@code direct:dui-request-ins-search} → {@link InsSearcher}. */
public final class InsRoutes extends RouteBuilder {

    public static final String SEARCH = "ins-search";

    private final InsSearcher searcher;

    public InsRoutes(InsSearcher searcher) {
        this.searcher = searcher;
    }

    @Override
    public void configure() {
        from(DeliveryEndpoints.request(SEARCH)).routeId("dui-ins-search")
                .process(exchange -> exchange.getMessage().setBody(
                        searcher.search(exchange.getMessage().getBody(InsSearchRequest.class))));
    }
}
