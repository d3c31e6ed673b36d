package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Resolves version-pinned canonicals of the FHIR core specification ({@code .../SimpleQuantity|4.0.1}, as the
 * ANS IGs' snapshots write them) to the core definitions HAPI holds; without it the validator reports
 * "Unknown profile ...|4.0.1" on perfectly valid content.
 */
final class VersionedCoreCanonicals extends BaseValidationSupport {

    private static final String CORE = "http://hl7.org/fhir/";
    private final IValidationSupport core;

    VersionedCoreCanonicals(FhirContext context, IValidationSupport core) {
        super(context);
        this.core = core;
    }

    @Override
    public String getName() {
        return "versioned core canonicals";
    }

    @Override
    public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
        return unversioned(uri) == null ? null : core.fetchResource(type, unversioned(uri));
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
        return unversioned(url) == null ? null : core.fetchStructureDefinition(unversioned(url));
    }

    @Override
    public IBaseResource fetchValueSet(String url) {
        return unversioned(url) == null ? null : core.fetchValueSet(unversioned(url));
    }

    @Override
    public IBaseResource fetchCodeSystem(String url) {
        return unversioned(url) == null ? null : core.fetchCodeSystem(unversioned(url));
    }

    private static String unversioned(String url) {
        if (url == null || !url.startsWith(CORE) || !url.endsWith("|4.0.1")) {
            return null;
        }
        return url.substring(0, url.length() - "|4.0.1".length());
    }
}
