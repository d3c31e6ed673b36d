package fr.duiconnect.core.spi;

import fr.duiconnect.core.DuiConnector;
import org.apache.camel.CamelContext;

/**
 * Adds routes (or components) to the connector's own Camel context once it has started, found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/fr.duiconnect.core.spi.CamelContributor}): for an
 * application whose routes should run inside the connector rather than in a Camel context of its own. The connector
 * is bound in that context's registry first, so {@code dui-connect:} endpoints (module {@code dui-connect-camel})
 * resolve to it.
 */
@FunctionalInterface
public interface CamelContributor {

    void contribute(CamelContext camel, DuiConnector connector) throws Exception;
}
