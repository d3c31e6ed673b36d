package fr.duiconnect.core.spi;

/** Names of the Camel endpoints the core and the modules meet at. */
public final class DeliveryEndpoints {

    private DeliveryEndpoints() {
    }

    /**
     * The endpoint a module's route consumes to deliver operations of one kind: body in is a
     * {@link JournaledOperation}, body out a {@link DeliveryOutcome}.
     */
    public static String forKind(String kind) {
        return "direct:dui-deliver-" + kind;
    }

    /** The endpoint of a synchronous request route of a module, e.g. {@code request("ins-search")}. */
    public static String request(String name) {
        return "direct:dui-request-" + name;
    }
}
