package fr.duiconnect.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.eprescription.EPrescriptionClient;
import fr.duiconnect.core.error.ConfigurationException;
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

import java.util.concurrent.atomic.AtomicReference;

/**
 * The e-prescription module, found through {@link java.util.ServiceLoader}. Each started module holds its own
 * FhirContext, validator (IG packages loaded once) and HTTP client.
 */
public final class EPrescriptionModuleProvider implements ServiceModuleProvider {


    @Override
    public ServiceSocle socle() {
        return ServiceSocle.EPRESCRIPTION;
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        var endpoint = context.endpoint().orElseThrow(() -> new ConfigurationException("dui.eprescription.url",
                "no e-prescription endpoint is configured"));
        EPrescriptionSettings settings = EPrescriptionSettings.from(endpoint);
        FhirContext fhir = FhirContext.forR4();
        fhir.setParserErrorHandler(FhirContent.refusingHandler());
        // one context for every structure's REST client; each request goes out with its own structure's HTTP client
        StructureFhirContext shared = new StructureFhirContext(fhir);
        // The JVM's shared FHIR validators (packages read once for all modules), built in the background (prepare).
        FhirValidators validators = FhirValidators.in(context.sharedResources());
        ProfileValidator validator = validators.validator(settings.packages(), settings.dependencyFolder(), PrescriptionImporter.ERRATA);
        PrescriptionImporter importer = new PrescriptionImporter(validator);
        // the dui.eprescription.* properties serve one structure (single-structure configuration), as before
        boolean configured = endpoint.option("finess").isPresent() || context.config().structures().isEmpty();
        // the configured structure's REST client (TLS key store) is built in the background (prepare), not at start
        PerStructure<StructureSource> structures = PerStructure.deferred(context, endpoint.option("finess").orElse(null),
                configured ? () -> source(context, endpoint, settings, shared, importer) : null,
                structure -> {
                    var own = context.endpointFor(structure);
                    return source(context, own, EPrescriptionSettings.from(own), shared, importer);
                });
        EPrescriptionClient client = structures.configuredClient(EPrescriptionClient.class, StructureSource::client);
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Object clientFor(StructureProfile structure) { return structures.of(structure).client(); }

            @Override public java.util.concurrent.CompletionStage<?> prepare() {
                validators.buildPending();
                return java.util.concurrent.CompletableFuture.allOf(validator.ready().toCompletableFuture(), structures.prepare());
            }

            @Override public void close() { structures.built().forEach(source -> source.rest().close()); }
        };
    }

    /** One structure's access to the prescriptions: its REST client (TLS key, token) and its client. */
    private record StructureSource(FhirRestClient rest, DefaultEPrescriptionClient client) {
    }

    private static StructureSource source(ModuleContext context, EndpointConfig endpoint, EPrescriptionSettings settings,
                                          StructureFhirContext fhir, PrescriptionImporter importer) {
        // the REST client asks the structure's client for its token at each call (the DUI may set one): built together
        AtomicReference<DefaultEPrescriptionClient> client = new AtomicReference<>();
        FhirRestClient rest = FhirRestClient.create(fhir, endpoint, () -> client.get().currentTokenProvider());
        PrescriptionSource source = new PrescriptionSource(rest, settings);
        // A synchronous FHIR search through HAPI's client: a typed handler, no route.
        RequestHandlers handlers = RequestHandlers.builder().on(PrescriptionQuery.SEARCH, source::search).build();
        client.set(new DefaultEPrescriptionClient(context.scopedTo(endpoint, handlers), settings, importer));
        return new StructureSource(rest, client.get());
    }
}
