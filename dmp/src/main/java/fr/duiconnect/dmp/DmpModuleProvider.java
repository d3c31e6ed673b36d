package fr.duiconnect.dmp;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.dmp.camel.DmpRoutes;
import fr.duiconnect.dmp.security.SubmissionSetSignature;
import fr.duiconnect.dmp.security.VihfAssertion;
import fr.duiconnect.dmp.soap.DmpTransport;
import org.apache.camel.RoutesBuilder;

import java.util.List;
import java.util.Set;

/** The DMP module, found through {@link java.util.ServiceLoader}: its client, gateway and routes. */
public final class DmpModuleProvider implements ServiceModuleProvider {

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.DMP;
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        var endpoint = context.endpoint().orElseThrow(() -> new ConfigurationException("dui.dmp.url", "no DMP endpoint is configured"));
        DmpSettings settings = DmpSettings.from(endpoint, context.config().software());
        VihfAssertion vihf = new VihfAssertion(settings.vihf(), settings.orgSign(), settings.signatureAlgorithm(), settings.digestAlgorithm(), context.clock());
        DmpGateway gateway = new DmpGateway(new DmpTransport(endpoint, settings.maxAnswerBytes()), vihf, settings.sourceId());
        SubmissionSetSignature signer = new SubmissionSetSignature(settings.orgSign(), settings.signatureAlgorithm(), settings.digestAlgorithm(), context.clock());
        DefaultDmpClient client = new DefaultDmpClient(context, settings, signer);
        DmpRoutes routes = new DmpRoutes(DefaultDmpClient.KINDS, operation -> client.deliver(operation, gateway),
                call -> DefaultDmpClient.run(call, gateway));
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Set<String> deliveryKinds() { return DefaultDmpClient.KINDS; }

            @Override public List<RoutesBuilder> routes() { return List.of(routes); }
        };
    }
}
