package fr.duiconnect.ins;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.ins.camel.InsRoutes;
import fr.duiconnect.ins.insi.InsiTransport;
import fr.duiconnect.ins.rules.MatriculeCheck;
import org.apache.camel.RoutesBuilder;

import java.util.List;

/** The INS module: found by the connector through {@link java.util.ServiceLoader}. */
public final class InsModuleProvider implements ServiceModuleProvider {

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.INS;
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        var endpoint = context.endpoint().orElseThrow(() -> new ConfigurationException("dui.ins.url", "no INSi endpoint is configured"));
        InsSettings settings = InsSettings.from(endpoint, context.config().software());
        InsSearcher searcher = new InsSearcher(settings, new InsiTransport(endpoint), context.audit(), context.clock());
        DefaultInsClient client = new DefaultInsClient(context.routes(), new MatriculeCheck(settings.strictNia()));
        InsRoutes routes = new InsRoutes(searcher);
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public List<RoutesBuilder> routes() { return List.of(routes); }
        };
    }
}
