package fr.duiconnect.annuaire;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.duiconnect.core.error.ErrorCode;
import fr.duiconnect.fhir.FhirFailureCodes;
import fr.duiconnect.fhir.FhirFailures;
import org.hl7.fhir.r4.model.Bundle;

/** Runs the directory's searches with the HAPI generic client, following next links up to a page limit. */
final class DirectoryGateway {

    static final FhirFailureCodes CODES = new FhirFailureCodes() {
        @Override public ErrorCode notFound() { return AnnuaireErrorCode.NOT_FOUND; }
        @Override public ErrorCode gone() { return AnnuaireErrorCode.NOT_FOUND; }
        @Override public ErrorCode accessRefused() { return AnnuaireErrorCode.ACCESS_REFUSED; }
        @Override public ErrorCode conflict() { return AnnuaireErrorCode.REFUSED; }
        @Override public ErrorCode refused() { return AnnuaireErrorCode.REFUSED; }
        @Override public ErrorCode serverError() { return AnnuaireErrorCode.SERVER_ERROR; }
        @Override public ErrorCode timeout() { return AnnuaireErrorCode.TIMEOUT; }
        @Override public ErrorCode unreachable() { return AnnuaireErrorCode.UNREACHABLE; }
    };

    private final IGenericClient client;
    private final int maxPages;

    DirectoryGateway(IGenericClient client, int maxPages) {
        this.client = client;
        this.maxPages = maxPages;
    }

    Bundle search(String url) {
        try {
            Bundle result = client.search().byUrl(url).returnBundle(Bundle.class).execute();
            Bundle page = result;
            for (int pages = 1; page.getLink(Bundle.LINK_NEXT) != null && pages < maxPages; pages++) {
                page = client.loadPage().next(page).execute();
                result.getEntry().addAll(page.getEntry());
            }
            return result;
        } catch (RuntimeException e) {
            throw FhirFailures.translate(e, CODES, "directory search");
        }
    }
}
