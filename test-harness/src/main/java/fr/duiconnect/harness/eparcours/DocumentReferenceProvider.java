package fr.duiconnect.harness.eparcours;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * DocumentReference on the platform: read (with ETag), update only with a matching {@code If-Match} (412
 * otherwise, flux 2b), and search by {@code patient.identifier} with {@code _lastUpdated}, {@code type},
 * {@code date}, {@code security-label} and {@code _include} of author and subject (flux 4).
 */
public final class DocumentReferenceProvider implements IResourceProvider {

    private final PlatformStore store;
    private final NoteChecks checks;

    DocumentReferenceProvider(PlatformStore store, NoteChecks checks) {
        this.store = store;
        this.checks = checks;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    @Read
    public DocumentReference read(@IdParam IdType id) {
        return store.current(id.getIdPart()).map(DocumentReference::copy).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam DocumentReference note, HttpServletRequest request) {
        DocumentReference current = store.current(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch == null) {
            throw new PreconditionFailedException("If-Match is required to update a note (version check)");
        }
        String expected = ifMatch.replace("W/", "").replace("\"", "").trim();
        if (!expected.equals(current.getMeta().getVersionId())) {
            throw new PreconditionFailedException("note " + id.getIdPart() + " is at version " + current.getMeta().getVersionId()
                    + ", not " + expected);
        }
        if (!note.getMasterIdentifier().equalsDeep(current.getMasterIdentifier())) {
            throw new InvalidRequestException("masterIdentifier cannot change");
        }
        checks.require(note, NoteChecks.CDL + "cdl-document-reference");
        DocumentReference stored = store.update(id.getIdPart(), note);
        return new MethodOutcome(stored.getIdElement()).setResource(stored.copy());
    }

    @Search
    public List<IBaseResource> search(@RequiredParam(name = "patient", chainWhitelist = {"identifier"}) ReferenceParam patient,
                                      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                      @OptionalParam(name = "date") DateRangeParam date,
                                      @OptionalParam(name = "type") TokenParam type,
                                      @OptionalParam(name = "security-label") TokenParam securityLabel,
                                      @IncludeParam(allow = {"DocumentReference:author", "DocumentReference:subject", "*"}) Set<Include> includes) {
        String token = patient.getValue();
        String matricule = token.substring(token.indexOf('|') + 1);
        List<IBaseResource> result = new ArrayList<>();
        for (DocumentReference note : store.aboutPerson(matricule)) {
            if (!within(note.getMeta().getLastUpdated(), lastUpdated) || !within(note.getDate(), date)) {
                continue;
            }
            if (type != null && note.getType().getCoding().stream().noneMatch(c -> type.getValue().equals(c.getCode()))) {
                continue;
            }
            if (securityLabel != null && note.getSecurityLabel().stream().flatMap(c -> c.getCoding().stream())
                    .noneMatch(c -> securityLabel.getValue().equals(c.getCode()))) {
                continue;
            }
            DocumentReference copy = note.copy();
            attach(copy.getSubject());
            copy.getAuthor().forEach(this::attach);
            result.add(copy);
        }
        return result;
    }

    private void attach(Reference reference) {
        store.actor(reference.getReference()).ifPresent(actor -> {
            Resource copy = actor.copy();
            reference.setResource(copy);
            if (copy instanceof org.hl7.fhir.r4.model.PractitionerRole role) {
                store.actor(role.getPractitioner().getReference()).ifPresent(p -> role.getPractitioner().setResource(p.copy()));
            }
        });
    }

    private static boolean within(Date value, DateRangeParam range) {
        if (range == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        Date low = range.getLowerBoundAsInstant();
        Date high = range.getUpperBoundAsInstant();
        return (low == null || !value.before(low)) && (high == null || !value.after(high));
    }
}
