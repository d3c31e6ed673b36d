package fr.duiconnect.eparcours;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.eparcours.EParcoursClient;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.DeliveryHandler;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.PerStructure;
import fr.duiconnect.core.spi.RequestHandlers;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.fhir.FhirContent;
import fr.duiconnect.fhir.FhirRestClient;
import fr.duiconnect.fhir.StructureFhirContext;
import fr.duiconnect.fhir.FhirValidators;
import fr.duiconnect.fhir.ProfileValidator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The e-parcours module, found through {@link java.util.ServiceLoader}; holds its own FhirContext, validator, client. */
public final class EParcoursModuleProvider implements ServiceModuleProvider {


    @Override
    public ServiceSocle socle() {
        return ServiceSocle.EPARCOURS;
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        var endpoint = context.endpoint().orElseThrow(() -> new ConfigurationException("dui.eparcours.url",
                "no e-parcours platform endpoint is configured"));
        EParcoursSettings settings = EParcoursSettings.from(endpoint);
        FhirContext fhir = FhirContext.forR4();
        fhir.setParserErrorHandler(FhirContent.refusingHandler());
        // one context for every structure's REST client; each request goes out with its own structure's HTTP client
        StructureFhirContext shared = new StructureFhirContext(fhir);
        // The JVM's shared FHIR validators (packages read once for all modules), built in the background (prepare).
        FhirValidators validators = FhirValidators.in(context.sharedResources());
        ProfileValidator validator = validators.validator(settings.packages(), settings.dependencyFolder(), ProfileValidator.CDL_ERRATA);
        // the dui.eparcours.* properties name a structure (single-structure configuration): required then, as before
        boolean configured = endpoint.option("finess").isPresent() || context.config().structures().isEmpty();
        // the configured structure's REST client (TLS key store) is built in the background (prepare), not at start
        PerStructure<StructurePlatform> structures = PerStructure.deferred(context, endpoint.option("finess").orElse(null),
                configured ? () -> platform(context, endpoint, settings, shared, validator) : null,
                structure -> {
                    var own = context.endpointFor(structure);
                    return platform(context, own, EParcoursSettings.from(own), shared, validator);
                });
        EParcoursClient client = structures.configuredClient(EParcoursClient.class, StructurePlatform::client);
        DeliveryHandler delivery = operation -> structures.forFiness(operation.finess()).client().deliver(operation);
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Object clientFor(StructureProfile structure) { return structures.of(structure).client(); }

            @Override public Map<String, DeliveryHandler> deliveryHandlers() { return Map.of(DefaultEParcoursClient.POST_KIND, delivery); }

            @Override public java.util.concurrent.CompletionStage<?> prepare() {
                validators.buildPending();
                return java.util.concurrent.CompletableFuture.allOf(validator.ready().toCompletableFuture(), structures.prepare());
            }

            @Override public void close() { structures.built().forEach(platform -> platform.rest().close()); }
        };
    }

    /** One structure's platform access: its REST client (TLS key, token) and the client writing as that structure. */
    private record StructurePlatform(FhirRestClient rest, DefaultEParcoursClient client) {
    }

    private static StructurePlatform platform(ModuleContext context, EndpointConfig endpoint, EParcoursSettings settings,
                                              StructureFhirContext fhir, ProfileValidator validator) {
        // the REST client asks the structure's client for its token at each call (the DUI may set one): built together
        AtomicReference<DefaultEParcoursClient> client = new AtomicReference<>();
        FhirRestClient rest = FhirRestClient.create(fhir, endpoint, () -> client.get().currentTokenProvider());
        PlatformGateway gateway = new PlatformGateway(rest, settings.maxPages());
        // FHIR REST through HAPI's client (validation and the IG's error mapping are the module's): typed handlers, no route.
        RequestHandlers handlers = RequestHandlers.builder()
                .on(PlatformCall.TRANSACTION, gateway::transaction)
                .on(PlatformCall.READ, gateway::read)
                .on(PlatformCall.UPDATE, gateway::update)
                .on(PlatformCall.CREATE, gateway::create)
                .on(PlatformCall.SEARCH, gateway::search)
                .build();
        client.set(new DefaultEParcoursClient(context.scopedTo(endpoint, handlers), settings, validator));
        return new StructurePlatform(rest, client.get());
    }
}
