package fr.duiconnect.eparcours;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.DeliveryHandler;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.RequestHandlers;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.fhir.FhirContent;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.fhir.FhirRestClient;
import fr.duiconnect.fhir.ProfileValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** The e-parcours module, found through {@link java.util.ServiceLoader}; holds its own FhirContext, validator, client. */
public final class EParcoursModuleProvider implements ServiceModuleProvider {

    private static final Logger LOG = LoggerFactory.getLogger(EParcoursModuleProvider.class);

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
        FhirPackageSet packages = FhirPackageSet.load(fhir, settings.packages());
        packages.missingDependencies().forEach(missing -> LOG.warn(
                "FHIR package {} (needed by {}) is not configured: its profiles and terminologies are not checked", missing.id(), missing.requiredBy()));
        ProfileValidator validator = new ProfileValidator(fhir, packages);
        DefaultEParcoursClient client = new DefaultEParcoursClient(context, settings, validator);
        FhirRestClient rest = FhirRestClient.create(fhir, endpoint, client::currentTokenProvider);
        PlatformGateway gateway = new PlatformGateway(rest, settings.maxPages());
        // FHIR REST through HAPI's client (validation and the IG's error mapping are the module's): typed handlers, no route.
        RequestHandlers handlers = RequestHandlers.builder()
                .on(PlatformCall.TRANSACTION, gateway::transaction)
                .on(PlatformCall.READ, gateway::read)
                .on(PlatformCall.UPDATE, gateway::update)
                .on(PlatformCall.CREATE, gateway::create)
                .on(PlatformCall.SEARCH, gateway::search)
                .build();
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Map<String, DeliveryHandler> deliveryHandlers() { return Map.of(DefaultEParcoursClient.POST_KIND, client::deliver); }

            @Override public RequestHandlers requestHandlers() { return handlers; }

            @Override public void close() { rest.close(); }
        };
    }
}
