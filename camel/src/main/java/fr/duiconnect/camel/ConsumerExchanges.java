package fr.duiconnect.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultConsumer;

import java.util.Map;

/** Runs the route for one received item: body and headers in, a failure to the consumer's exception handler. */
final class ConsumerExchanges {

    private ConsumerExchanges() {
    }

    static void route(DefaultConsumer consumer, Object body, Map<String, Object> headers) {
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().setBody(body);
        headers.forEach(exchange.getMessage()::setHeader);
        try {
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            consumer.getExceptionHandler().handleException("the route of " + consumer.getEndpoint().getEndpointUri()
                    + " failed", exchange, exchange.getException());
        }
        consumer.releaseExchange(exchange, false);
    }
}
