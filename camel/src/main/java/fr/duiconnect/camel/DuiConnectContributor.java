package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.spi.CamelContributor;
import org.apache.camel.CamelContext;

/** Registers the {@code dui-connect:} component in the connector's own Camel context, bound to that connector. */
public final class DuiConnectContributor implements CamelContributor {

    @Override
    public void contribute(CamelContext camel, DuiConnector connector) {
        camel.addComponent("dui-connect", new DuiConnectComponent(connector));
    }
}
