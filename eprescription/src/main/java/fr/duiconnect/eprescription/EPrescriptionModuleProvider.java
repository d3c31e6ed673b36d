package fr.duiconnect.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
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

/**
 * The e-prescription module, found through {@link java.util.ServiceLoader}. Each started module holds its own
 * FhirContext, validator (IG packages loaded once) and HTTP client.
 */
public final class EPrescriptionModuleProvider implements ServiceModuleProvider {

    private static final Logger LOG = LoggerFactory.getLogger(EPrescriptionModuleProvider.class);

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
        FhirPackageSet packages = FhirPackageSet.load(fhir, settings.packages());
        packages.missingDependencies().forEach(missing -> LOG.warn(
                "FHIR package {} (needed by {}) is not configured: its profiles and terminologies are not checked", missing.id(), missing.requiredBy()));
        ProfileValidator validator = new ProfileValidator(fhir, packages, PrescriptionImporter.ERRATA);
        PrescriptionImporter importer = new PrescriptionImporter(validator);
        DefaultEPrescriptionClient client = new DefaultEPrescriptionClient(context, settings, importer);
        FhirRestClient rest = FhirRestClient.create(fhir, endpoint, client::currentTokenProvider);
        PrescriptionSource source = new PrescriptionSource(rest, settings);
        // A synchronous FHIR search through HAPI's client: a typed handler, no route.
        RequestHandlers handlers = RequestHandlers.builder().on(PrescriptionQuery.SEARCH, source::search).build();
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public RequestHandlers requestHandlers() { return handlers; }

            @Override public void close() { rest.close(); }
        };
    }
}
