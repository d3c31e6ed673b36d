package fr.duiconnect.core.spi;

import org.apache.camel.RoutesBuilder;

import java.util.List;
import java.util.Set;

/**
 * A started service module. Its client is what {@code DuiConnector} hands to the application; its Camel routes
 * are the thin transport glue: delivery routes for the journaled kinds it declares, and request routes for
 * synchronous calls. (Camel appears here, in the SPI for module authors, and nowhere in the public API.)
 */
public interface ServiceModule extends AutoCloseable {

    /** The client, an instance of the socle's client interface (e.g. {@code InsClient}). */
    Object client();

    /** Journal kinds this module delivers; the core routes each to {@link DeliveryEndpoints#forKind}. */
    default Set<String> deliveryKinds() {
        return Set.of();
    }

    default List<RoutesBuilder> routes() {
        return List.of();
    }

    @Override
    default void close() {
    }
}
