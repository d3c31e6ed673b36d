package fr.duiconnect.core.spi;

import fr.duiconnect.core.ServiceSocle;

/**
 * Entry point of a service module, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/fr.duiconnect.core.spi.ServiceModuleProvider}).
 */
public interface ServiceModuleProvider {

    ServiceSocle socle();

    ServiceModule start(ModuleContext context);
}
