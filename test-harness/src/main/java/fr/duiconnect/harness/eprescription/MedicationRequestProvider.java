package fr.duiconnect.harness.eprescription;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.model.api.Include;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * {@code MedicationRequest} of the simulated prescription service: read, search by prescription number
 * ({@code group-identifier}, token {@code [system|]value}; 404 when unknown, 410 when withdrawn), and search by
 * person ({@code patient.identifier=<INS OID>|<matricule>} with {@code authoredon} bounds). {@code _include} of
 * subject, requester and medication is honoured by the HAPI server from the attached resources.
 */
public final class MedicationRequestProvider implements IResourceProvider {

    private final PrescriptionStore store;

    MedicationRequestProvider(PrescriptionStore store) {
        this.store = store;
    }

    @Override
    public Class<MedicationRequest> getResourceType() {
        return MedicationRequest.class;
    }

    @Read
    public MedicationRequest read(@IdParam IdType id) {
        for (PrescriptionStore.Stored stored : store.all()) {
            for (MedicationRequest line : stored.lines()) {
                if (line.getIdElement().getIdPart().equals(id.getIdPart())) {
                    if (stored.withdrawn()) {
                        throw new ResourceGoneException(id);
                    }
                    return line;
                }
            }
        }
        throw new ResourceNotFoundException(id);
    }

    @Search
    public List<IBaseResource> byNumber(@RequiredParam(name = "group-identifier") TokenParam number,
                                        @IncludeParam(allow = {"MedicationRequest:subject", "MedicationRequest:requester",
                                                "MedicationRequest:medication"}) Set<Include> includes,
                                        @IncludeParam(reverse = true, allow = {"RequestGroup:subject"}) Set<Include> revIncludes) {
        PrescriptionStore.Stored stored = store.get(number.getValue());
        if (stored == null) {
            throw new ResourceNotFoundException("no prescription numbered " + number.getValue());
        }
        if (number.getSystem() != null && !number.getSystem().isEmpty()) {
            boolean sameSystem = stored.lines().stream().anyMatch(l -> number.getSystem().equals(l.getGroupIdentifier().getSystem()));
            if (!sameSystem) {
                throw new ResourceNotFoundException("no prescription numbered " + number.getValue() + " in system " + number.getSystem());
            }
        }
        if (stored.withdrawn()) {
            throw new ResourceGoneException("prescription " + number.getValue() + " was withdrawn by its prescriber");
        }
        List<IBaseResource> result = new ArrayList<>(stored.lines());
        addIncluded(stored, includes, revIncludes, result);
        return result;
    }

    /**
     * The HAPI plain server includes the targets of subject and requester itself, not those of medication[x] (a choice)
     * nor what the lines do not point to: the Medications (with a compound's components and the Observations a dose
     * depends on) and the prescription's RequestGroups are added here as {@code include} entries, when asked for.
     */
    private static void addIncluded(PrescriptionStore.Stored stored, Set<Include> includes, Set<Include> revIncludes, List<IBaseResource> result) {
        boolean medications = includes != null && includes.stream().anyMatch(i -> i.getValue().equals("MedicationRequest:medication") || i.getValue().equals("*"));
        boolean groups = revIncludes != null && revIncludes.stream().anyMatch(i -> i.getValue().equals("RequestGroup:subject"));
        List<org.hl7.fhir.r4.model.Resource> added = new ArrayList<>();
        if (medications) {
            added.addAll(stored.included());
        }
        if (groups) {
            added.addAll(stored.groups());
        }
        for (org.hl7.fhir.r4.model.Resource resource : added) {
            if (result.stream().noneMatch(r -> r == resource)) {
                ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(resource, ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.INCLUDE);
                result.add(resource);
            }
        }
    }

    @Search
    public List<IBaseResource> byPerson(@RequiredParam(name = "patient", chainWhitelist = {"identifier"}) ReferenceParam patient,
                                        @OptionalParam(name = "authoredon") DateRangeParam authoredOn,
                                        @IncludeParam(allow = {"MedicationRequest:subject", "MedicationRequest:requester",
                                                "MedicationRequest:medication"}) Set<Include> includes,
                                        @IncludeParam(reverse = true, allow = {"RequestGroup:subject"}) Set<Include> revIncludes) {
        if (!"identifier".equals(patient.getChain())) {
            throw new InvalidRequestException("search by patient.identifier=<system>|<INS> only");
        }
        String token = patient.getValue();
        int bar = token.indexOf('|');
        String matricule = bar >= 0 ? token.substring(bar + 1) : token;
        List<IBaseResource> result = new ArrayList<>();
        for (PrescriptionStore.Stored stored : store.all()) {
            if (stored.withdrawn()) {
                continue;
            }
            for (MedicationRequest line : stored.lines()) {
                if (matricule.equals(PrescriptionStore.insOf(line)) && within(line.getAuthoredOn(), authoredOn)) {
                    result.add(line);
                }
            }
            if (stored.lines().stream().anyMatch(result::contains)) {
                addIncluded(stored, includes, revIncludes, result);
            }
        }
        return result;
    }

    private static boolean within(Date date, DateRangeParam range) {
        if (range == null) {
            return true;
        }
        if (date == null) {
            return false;
        }
        Date low = range.getLowerBoundAsInstant();
        Date high = range.getUpperBoundAsInstant();
        return (low == null || !date.before(low)) && (high == null || !date.after(high));
    }
}
