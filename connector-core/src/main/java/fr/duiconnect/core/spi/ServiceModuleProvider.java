package fr.duiconnect.core.spi;

import fr.duiconnect.core.ServiceSocle;

/**
 * Entry point of a service module, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/fr.duiconnect.core.spi.ServiceModuleProvider}).
 */
public interface ServiceModuleProvider {

    ServiceSocle socle();

    ServiceModule start(ModuleContext context);

    /**
     * Whether the module needs its endpoint ({@code dui.<service>.url}) to start. A module that does and has none
     * configured is not started: the rest of the connector works, and asking for that service says which
     * property is missing.
     */
    default boolean requiresEndpoint() {
        return true;
    }
}
