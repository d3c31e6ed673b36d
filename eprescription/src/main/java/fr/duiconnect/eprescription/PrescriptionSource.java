package fr.duiconnect.eprescription;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.duiconnect.core.error.ErrorCode;
import fr.duiconnect.fhir.FhirFailureCodes;
import fr.duiconnect.fhir.FhirFailures;
import fr.duiconnect.fhir.FhirRestClient;
import org.hl7.fhir.r4.model.Bundle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Searches the prescription service over FHIR R4 (HAPI generic client):
 * {@code MedicationRequest?<number-parameter>=[system|]<number>} or
 * {@code MedicationRequest?<person-parameter>=<INS OID>|<matricule>&authoredon=ge..&authoredon=le..}, each with
 * {@code _include} of subject, requester and medication and {@code _revinclude} of the person's RequestGroups (R4 has no
 * search parameter from a RequestGroup to its lines; the mapper keeps the groups whose actions are the prescription's
 * lines, or that share its groupIdentifier); follows {@code next} pages up to a bound, into one bundle.
 */
final class PrescriptionSource {

    static final FhirFailureCodes CODES = new FhirFailureCodes() {
        @Override public ErrorCode notFound() { return EPrescriptionErrorCode.NOT_FOUND; }
        @Override public ErrorCode gone() { return EPrescriptionErrorCode.CANCELLED; }
        @Override public ErrorCode accessRefused() { return EPrescriptionErrorCode.ACCESS_REFUSED; }
        @Override public ErrorCode conflict() { return EPrescriptionErrorCode.REQUEST_REFUSED; }
        @Override public ErrorCode refused() { return EPrescriptionErrorCode.REQUEST_REFUSED; }
        @Override public ErrorCode serverError() { return EPrescriptionErrorCode.SERVICE_ERROR; }
        @Override public ErrorCode timeout() { return EPrescriptionErrorCode.TIMEOUT; }
        @Override public ErrorCode unreachable() { return EPrescriptionErrorCode.UNREACHABLE; }
    };

    private static final String INCLUDES = "&_include=MedicationRequest:subject&_include=MedicationRequest:requester"
            + "&_include=MedicationRequest:medication&_revinclude=RequestGroup:subject";

    private final FhirRestClient rest;
    private final EPrescriptionSettings settings;

    PrescriptionSource(FhirRestClient rest, EPrescriptionSettings settings) {
        this.rest = rest;
        this.settings = settings;
    }

    Bundle search(PrescriptionQuery query) {
        String url;
        if (query.isByNumber()) {
            String token = settings.numberSystem() == null ? query.number() : settings.numberSystem() + "|" + query.number();
            url = "MedicationRequest?" + settings.numberParameter() + "=" + encode(token) + INCLUDES;
        } else {
            url = "MedicationRequest?" + settings.personParameter() + "=" + encode("urn:oid:" + query.insSystem() + "|" + query.insMatricule())
                    + (query.from() == null ? "" : "&authoredon=ge" + query.from())
                    + (query.to() == null ? "" : "&authoredon=le" + query.to()) + INCLUDES;
        }
        String what = query.isByNumber() ? "prescription search by number" : "prescription search by person";
        try {
            return rest.call(client -> allPages(client, url));
        } catch (RuntimeException e) {
            throw FhirFailures.translate(e, CODES, what);
        }
    }

    private Bundle allPages(IGenericClient client, String url) {
        Bundle result = client.search().byUrl(url).returnBundle(Bundle.class).execute();
        Bundle page = result;
        int pages = 1;
        while (page.getLink(Bundle.LINK_NEXT) != null && pages < settings.maxPages()) {
            page = client.loadPage().next(page).execute();
            result.getEntry().addAll(page.getEntry());
            pages++;
        }
        result.getLink().removeIf(link -> Bundle.LINK_NEXT.equals(link.getRelation()));
        return result;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
