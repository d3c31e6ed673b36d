package fr.duiconnect.core.internal;

import fr.duiconnect.core.spi.DeliveryEndpoints;
import fr.duiconnect.core.spi.RouteInvoker;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/** Enters a module's request route; failures come out as DuiConnect exceptions. */
final class CamelRouteInvoker implements RouteInvoker {

    private final ProducerTemplate producer;

    CamelRouteInvoker(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public <T> T request(String name, Object body, Class<T> answerType) {
        try {
            return producer.requestBody(DeliveryEndpoints.request(name), body, answerType);
        } catch (CamelExecutionException e) {
            throw ErrorClassifier.classify(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
    }
}
