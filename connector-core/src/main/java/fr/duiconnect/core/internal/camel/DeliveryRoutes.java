package fr.duiconnect.core.internal.camel;

import fr.duiconnect.core.spi.DeliveryHandler;
import fr.duiconnect.core.spi.JournaledOperation;
import org.apache.camel.builder.RouteBuilder;

import java.util.Map;
import java.util.TreeMap;

/**
 * The delivery route of each journaled kind, built here from the modules' {@link DeliveryHandler}s (the one place
 * where delivery routes are written): {@code direct:dui-deliver-<kind>}, a {@link JournaledOperation} in, its
 * {@code DeliveryOutcome} out.
 *
 * <p>Why a route: each kind is then a managed Camel route — statistics, tracing and interceptors (e.g.
 * {@code interceptSendToEndpoint("direct:dui-deliver-dmp.*")} in a contributor's routes) work per kind. Camel's
 * error handler and redelivery stay off: a retry must survive a restart, so the journal schedules it.
 * Why the handler owns the transport instead of a Camel component: the DMP's VIHF and XAdES signatures cover the
 * exact bytes the module serialises once (MTOM), which a SOAP stack would re-serialise; an MSSanté message is
 * composed, S/MIME-signed and journaled before delivery, and its bytes are submitted as they are; the FHIR services
 * go through HAPI's client with the IGs' validation and the national error mapping.
 */
public final class DeliveryRoutes extends RouteBuilder {

    private final Map<String, DeliveryHandler> handlers;

    public DeliveryRoutes(Map<String, DeliveryHandler> handlers) {
        this.handlers = new TreeMap<>(handlers);
    }

    /** The endpoint the dispatcher sends an operation of this kind to. */
    public static String endpointOf(String kind) {
        return "direct:dui-deliver-" + kind;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        handlers.forEach((kind, handler) -> from(endpointOf(kind)).routeId("dui-deliver-" + kind)
                .process(exchange -> exchange.getMessage().setBody(
                        handler.deliver(exchange.getMessage().getMandatoryBody(JournaledOperation.class)))));
    }
}
