package fr.duiconnect.eparcours;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.duiconnect.core.error.ErrorCode;
import fr.duiconnect.fhir.FhirFailureCodes;
import fr.duiconnect.fhir.FhirFailures;
import fr.duiconnect.fhir.FhirRestClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;

import java.util.function.Function;

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

    Bundle transaction(PlatformCall.Transaction call) {
        return translated(call, client -> client.transaction().withBundle(call.bundle()).execute());
    }

    DocumentReference read(PlatformCall.Read call) {
        return translated(call, client -> client.read().resource(DocumentReference.class).withId(call.id()).execute());
    }

    /** The new version id. */
    String update(PlatformCall.Update call) {
        return translated(call, client -> {
            MethodOutcome outcome = client.update().resource(call.note()).withId(call.note().getIdElement().toUnqualifiedVersionless())
                    .withAdditionalHeader("If-Match", "W/\"" + call.version() + "\"").execute();
            return outcome.getId() == null ? null : outcome.getId().getVersionIdPart();
        });
    }

    /** The created resource's id. */
    String create(PlatformCall.Create call) {
        return translated(call, client -> {
            MethodOutcome outcome = client.create().resource(call.resource()).execute();
            return outcome.getId() == null ? null : outcome.getId().getIdPart();
        });
    }

    Bundle search(PlatformCall.Search call) {
        return translated(call, client -> search(client, call.url()));
    }

    private <T> T translated(PlatformCall call, Function<IGenericClient, T> work) {
        try {
            return rest.call(work);
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
