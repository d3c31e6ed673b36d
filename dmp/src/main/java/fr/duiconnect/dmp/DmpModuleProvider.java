package fr.duiconnect.dmp;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.KeyStoreMaterial;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.dmp.DmpClient;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.DeliveryHandler;
import fr.duiconnect.core.spi.PerStructure;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.dmp.document.Terminology;
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

    /** One structure's DMP identity: its gateway (ORG AUTH_CLI TLS context, VIHF signed with its ORG SIGN) and client. */
    private record StructureDmp(DmpGateway gateway, DefaultDmpClient client) {
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        var endpoint = context.endpoint().orElseThrow(() -> new ConfigurationException("dui.dmp.url", "no DMP endpoint is configured"));
        Terminology terminology = DmpSettings.terminology(endpoint);
        // the dui.dmp.* properties name a structure (single-structure configuration): required then, as before
        boolean configured = endpoint.option("finess").isPresent() || context.config().structures().isEmpty();
        // the configured structure's keys and TLS context are loaded in the background (prepare), not at start
        PerStructure<StructureDmp> structures = PerStructure.deferred(context, endpoint.option("finess").orElse(null),
                configured ? () -> identity(context, endpoint, context.config().software(), null, terminology) : null,
                structure -> identity(context, context.endpointFor(structure), structure.software(context.config().software()),
                        structure.service(ServiceSocle.DMP).orElseThrow().signature(), terminology));
        DmpClient client = structures.configuredClient(DmpClient.class, StructureDmp::client);
        DeliveryHandler delivery = operation -> {
            StructureDmp structure = structures.forFiness(operation.finess());
            return structure.client().deliver(operation, structure.gateway());
        };
        Map<String, DeliveryHandler> deliveries = DefaultDmpClient.KINDS.stream().collect(Collectors.toMap(Function.identity(), kind -> delivery));
        RequestHandlers requests = DmpRequests.handlers(finess -> structures.forFiness(finess).gateway());
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Object clientFor(StructureProfile structure) { return structures.of(structure).client(); }

            @Override public Map<String, DeliveryHandler> deliveryHandlers() { return deliveries; }

            @Override public RequestHandlers requestHandlers() { return requests; }

            @Override public java.util.concurrent.CompletionStage<?> prepare() { return structures.prepare(); }
        };
    }

    private static StructureDmp identity(ModuleContext context, EndpointConfig endpoint, SoftwareIdentity software,
                                         KeyStoreMaterial signature, Terminology terminology) {
        DmpSettings settings = DmpSettings.from(endpoint, software, signature, terminology);
        VihfAssertion vihf = new VihfAssertion(settings.vihf(), settings.orgSign(), settings.signatureAlgorithm(), settings.digestAlgorithm(), context.clock());
        DmpGateway gateway = new DmpGateway(new DmpTransport(endpoint, settings.maxAnswerBytes()), vihf, settings.sourceId());
        SubmissionSetSignature signer = new SubmissionSetSignature(settings.orgSign(), settings.signatureAlgorithm(), settings.digestAlgorithm(), context.clock());
        return new StructureDmp(gateway, new DefaultDmpClient(context, settings, signer));
    }
}
