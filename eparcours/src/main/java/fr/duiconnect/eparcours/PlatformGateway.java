package fr.duiconnect.eparcours;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.duiconnect.core.error.ErrorCode;
import fr.duiconnect.fhir.FhirFailureCodes;
import fr.duiconnect.fhir.FhirFailures;
import fr.duiconnect.fhir.FhirRestClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;

/** Executes {@link PlatformCall}s with the HAPI generic client; failures come out with the module's codes. */
final class PlatformGateway {

    static final FhirFailureCodes CODES = new FhirFailureCodes() {
        @Override public ErrorCode notFound() { return EParcoursErrorCode.NOTE_NOT_FOUND; }
        @Override public ErrorCode gone() { return EParcoursErrorCode.NOTE_NOT_FOUND; }
        @Override public ErrorCode accessRefused() { return EParcoursErrorCode.ACCESS_REFUSED; }
        @Override public ErrorCode conflict() { return EParcoursErrorCode.CONFLICT; }
        @Override public ErrorCode refused() { return EParcoursErrorCode.REFUSED; }
        @Override public ErrorCode serverError() { return EParcoursErrorCode.PLATFORM_ERROR; }
        @Override public ErrorCode timeout() { return EParcoursErrorCode.TIMEOUT; }
        @Override public ErrorCode unreachable() { return EParcoursErrorCode.UNREACHABLE; }
    };

    private final FhirRestClient rest;
    private final int maxPages;

    PlatformGateway(FhirRestClient rest, int maxPages) {
        this.rest = rest;
        this.maxPages = maxPages;
    }

    Object execute(PlatformCall call) {
        IGenericClient client = rest.client();
        try {
            if (call instanceof PlatformCall.Transaction t) {
                return client.transaction().withBundle(t.bundle()).execute();
            }
            if (call instanceof PlatformCall.Read r) {
                return client.read().resource(DocumentReference.class).withId(r.id()).execute();
            }
            if (call instanceof PlatformCall.Update u) {
                MethodOutcome outcome = client.update().resource(u.note()).withId(u.note().getIdElement().toUnqualifiedVersionless())
                        .withAdditionalHeader("If-Match", "W/\"" + u.version() + "\"").execute();
                return outcome.getId() == null ? null : outcome.getId().getVersionIdPart();
            }
            if (call instanceof PlatformCall.Create c) {
                MethodOutcome outcome = client.create().resource(c.resource()).execute();
                return outcome.getId() == null ? null : outcome.getId().getIdPart();
            }
            return search(client, ((PlatformCall.Search) call).url());
        } catch (RuntimeException e) {
            throw FhirFailures.translate(e, CODES, "cahier de liaison " + call.getClass().getSimpleName().toLowerCase());
        }
    }

    private Bundle search(IGenericClient client, String url) {
        Bundle result = client.search().byUrl(url).returnBundle(Bundle.class).execute();
        Bundle page = result;
        int pages = 1;
        while (page.getLink(Bundle.LINK_NEXT) != null && pages < maxPages) {
            page = client.loadPage().next(page).execute();
            result.getEntry().addAll(page.getEntry());
            pages++;
        }
        return result;
    }
}
