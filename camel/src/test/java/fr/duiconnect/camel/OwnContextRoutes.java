package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.spi.CamelContributor;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * A vendor's routes inside the connector's own Camel context, contributed as a {@link CamelContributor} (found in
 * this test class path's META-INF/services): an INS search through {@code dui-connect:}. Tests reach it by connector.
 */
public final class OwnContextRoutes implements CamelContributor {

    static final String ENTRY = "direct:vendor-ins-search-in-own-context";
    private static final Map<DuiConnector, ProducerTemplate> TEMPLATES = new WeakHashMap<>();

    @Override
    public void contribute(CamelContext camel, DuiConnector connector) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ENTRY).routeId("vendor-ins-search").to("dui-connect:ins/search");
            }
        });
        synchronized (TEMPLATES) {
            TEMPLATES.put(connector, camel.createProducerTemplate());
        }
    }

    static ProducerTemplate of(DuiConnector connector) {
        synchronized (TEMPLATES) {
            return TEMPLATES.get(connector);
        }
    }
}
