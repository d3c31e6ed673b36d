package fr.duiconnect.core.spi;

import fr.duiconnect.core.DuiConnector;
import org.apache.camel.CamelContext;

/**
 * Adds components or routes to the connector's own Camel context once it has started, found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/fr.duiconnect.core.spi.CamelContributor}). The
 * {@code dui-connect-camel} module registers its {@code dui-connect:} component this way; an application whose
 * routes should run inside the connector (rather than in a Camel context of its own) contributes them the same way.
 */
@FunctionalInterface
public interface CamelContributor {

    void contribute(CamelContext camel, DuiConnector connector) throws Exception;
}
