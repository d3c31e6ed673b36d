package fr.duiconnect.core.spi;

/** Enters a module's synchronous request route ({@link DeliveryEndpoints#request}) without exposing Camel. */
public interface RouteInvoker {

    /**
     * Sends the body to the named request route and returns its answer. DuiConnect exceptions thrown inside the
     * route come out as they are.
     */
    <T> T request(String name, Object body, Class<T> answerType);
}
