package fr.duiconnect.core.internal.camel;

import fr.duiconnect.core.internal.OutboxDispatcher;
import org.apache.camel.builder.RouteBuilder;

/**
 * The one route the core owns: on a timer, claim due operations and hand each to its module's delivery route.
 * Journaling, retry scheduling and audit happen in {@link OutboxDispatcher}; the module routes only talk to the wire.
 */
public final class OutboxDispatchRoute extends RouteBuilder {

    public static final String ROUTE_ID = "dui-outbox-dispatch";

    private final OutboxDispatcher dispatcher;
    private final long periodMillis;

    public OutboxDispatchRoute(OutboxDispatcher dispatcher, long periodMillis) {
        this.dispatcher = dispatcher;
        this.periodMillis = periodMillis;
    }

    @Override
    public void configure() {
        fromF("timer:dui-outbox?period=%d&delay=0&synchronous=true", periodMillis)
                .routeId(ROUTE_ID)
                .process(exchange -> dispatcher.drain());
    }
}
