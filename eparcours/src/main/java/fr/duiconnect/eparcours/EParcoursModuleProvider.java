package fr.duiconnect.eparcours;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.eparcours.camel.EParcoursRoutes;
import fr.duiconnect.fhir.FhirContent;
import fr.duiconnect.fhir.FhirRestClient;
import fr.duiconnect.fhir.ProfileValidator;
import org.apache.camel.RoutesBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

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
        ProfileValidator validator = ProfileValidator.shared(settings.packages(), settings.dependencyFolder(), ProfileValidator.CDL_ERRATA);
        String summary = validator.packages().summary();
        if (summary != null) {
            LOG.info("e-parcours: {}", summary);
        }
        DefaultEParcoursClient client = new DefaultEParcoursClient(context, settings, validator);
        FhirRestClient rest = FhirRestClient.create(fhir, endpoint, client::currentTokenProvider);
        PlatformGateway gateway = new PlatformGateway(rest, settings.maxPages());
        EParcoursRoutes routes = new EParcoursRoutes(client::deliver, call -> gateway.execute((PlatformCall) call));
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Set<String> deliveryKinds() { return Set.of(EParcoursRoutes.POST_KIND); }

            @Override public List<RoutesBuilder> routes() { return List.of(routes); }

            @Override public void close() { rest.close(); }
        };
    }
}
