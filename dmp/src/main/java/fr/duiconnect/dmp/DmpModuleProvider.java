package fr.duiconnect.dmp;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.DeliveryHandler;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.RequestHandlers;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.dmp.security.SubmissionSetSignature;
import fr.duiconnect.dmp.security.VihfAssertion;
import fr.duiconnect.dmp.soap.DmpTransport;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DMP module, found through {@link java.util.ServiceLoader}: its client, and the gateway behind its typed
 * handlers (one delivery handler per journaled kind, the synchronous transactions in {@link DmpRequests}).
 */
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
        DeliveryHandler delivery = operation -> client.deliver(operation, gateway);
        Map<String, DeliveryHandler> deliveries = DefaultDmpClient.KINDS.stream().collect(Collectors.toMap(Function.identity(), kind -> delivery));
        RequestHandlers requests = DmpRequests.handlers(gateway);
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Map<String, DeliveryHandler> deliveryHandlers() { return deliveries; }

            @Override public RequestHandlers requestHandlers() { return requests; }
        };
    }
}
