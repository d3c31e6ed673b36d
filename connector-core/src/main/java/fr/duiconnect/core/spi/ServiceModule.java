package fr.duiconnect.core.spi;

import org.apache.camel.RoutesBuilder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A started service module. Its client is what {@code DuiConnector} hands to the application. It talks to the wire
 * through typed handlers the core calls: one {@link DeliveryHandler} per journaled kind it delivers (the core builds
 * the delivery route of each kind) and {@link RequestHandlers} for its synchronous exchanges. Routes are only for
 * real Camel work of its own (e.g. a polling timer). Camel appears here, in the SPI for module authors, and nowhere
 * in the public API.
 */
public interface ServiceModule extends AutoCloseable {

    /** The client, an instance of the socle's client interface (e.g. {@code InsClient}). */
    Object client();

    /**
     * The client acting for one structure, with that structure's certificates and identity only (an instance of the
     * socle's client interface). Modules that serve several structures override it; the core checks the structure is
     * enabled and uses this service before calling it.
     */
    default Object clientFor(fr.duiconnect.core.structure.StructureProfile structure) {
        throw new fr.duiconnect.core.error.ConfigurationException("structures",
                "this module serves the configured structure only; it has no per-structure client");
    }

    /** The journal kinds this module delivers ({@code <service>.<operation>}), each with its handler. */
    default Map<String, DeliveryHandler> deliveryHandlers() {
        return Map.of();
    }

    /** The synchronous exchanges its client runs through {@link ModuleContext#requests()}. */
    default RequestHandlers requestHandlers() {
        return RequestHandlers.none();
    }

    /** Routes doing Camel work of the module's own (scheduling, polling); none by default. */
    default List<RoutesBuilder> routes() {
        return List.of();
    }

    /**
     * Called once every module of the connector has started: starts what the module builds in the background (the
     * FHIR validators, shared by the modules and hence built once all of them have said which IGs they need) and
     * completes when the module can serve every operation, exceptionally if that build failed. Ready at once by default.
     */
    default CompletionStage<?> prepare() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    default void close() {
    }
}
