package fr.duiconnect.annuaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.fhir.FhirContent;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.fhir.FhirRestClient;
import fr.duiconnect.fhir.FhirValidators;
import fr.duiconnect.fhir.ProfileValidator;

import java.util.List;

/** The Annuaire Santé module, found through {@link java.util.ServiceLoader}; holds its own FhirContext, validator, client. */
public final class AnnuaireModuleProvider implements ServiceModuleProvider {

    /** The header the Annuaire Santé gateway reads the API key from. */
    public static final String API_KEY_HEADER = "ESANTE-API-KEY";


    @Override
    public ServiceSocle socle() {
        return ServiceSocle.ANNUAIRE;
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        var endpoint = context.endpoint().orElseThrow(() -> new ConfigurationException("dui.annuaire.url",
                "no Annuaire Santé endpoint is configured"));
        AnnuaireSettings settings = AnnuaireSettings.from(endpoint);
        FhirContext fhir = FhirContext.forR4();
        fhir.setParserErrorHandler(FhirContent.refusingHandler());
        // The annuaire IG and its declared dependencies by name#version from the packages folder (dui.annuaire.option.
        // ig.dependencies, default: beside the IG), one validator per package set per JVM, as the other FHIR services.
        FhirValidators validators = FhirValidators.in(context.sharedResources());
        ProfileValidator validator = validators.validator(settings.packages(),
                FhirPackageSet.dependencyFolder(endpoint.option("ig.dependencies"), settings.packages()), List.of());
        FhirRestClient rest = FhirRestClient.create(fhir, endpoint, () -> null);
        rest.client().registerInterceptor(new ApiKey(settings.apiKey()));
        DirectoryGateway gateway = new DirectoryGateway(rest.client(), settings.maxPages());
        DefaultDirectoryClient client = new DefaultDirectoryClient(gateway::search, validator, context.clock(), settings);
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public java.util.concurrent.CompletionStage<?> prepare() {
                validators.buildPending();
                return validator.ready();
            }

            @Override public void close() { rest.close(); }
        };
    }

    /** Adds the API key to every request; the key is read from its secret at each request, never logged. */
    private record ApiKey(Secret key) implements IClientInterceptor {
        @Override
        public void interceptRequest(IHttpRequest request) {
            key.use(chars -> {
                request.addHeader(API_KEY_HEADER, new String(chars));
                return null;
            });
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
        }
    }
}
