package fr.duiconnect.harness.eparcours;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The gestionnaire's transaction endpoint (flux 1c, {@code cdl-bundle-creation-note}): checks the bundle against
 * the profile, then creates its entries all or nothing, honouring {@code ifNoneExist} on identifiers, and answers
 * a transaction-response with each entry's location.
 */
public final class TransactionProvider {

    /** The FINESS identifier system of FR Core's organization. */
    static final String FINESS_SYSTEM = "https://finess.esante.gouv.fr";

    private final PlatformStore store;
    private final NoteChecks checks;
    private final Consumer<DocumentReference> onNewNote;

    TransactionProvider(PlatformStore store, NoteChecks checks, Consumer<DocumentReference> onNewNote) {
        this.store = store;
        this.checks = checks;
        this.onNewNote = onNewNote;
    }

    @Transaction
    // synchronized: a conditional create checks then creates, as a unique index would make atomic on a real server
    public synchronized Bundle transaction(@TransactionParam Bundle bundle, jakarta.servlet.http.HttpServletRequest request) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new InvalidRequestException("a transaction Bundle is expected");
        }
        writtenByTheAuthenticatedStructure(bundle, (String) request.getAttribute(fr.duiconnect.harness.fhir.FhirGate.STRUCTURE));
        boolean update = !bundle.getEntry().isEmpty() && bundle.getEntry().stream()
                .allMatch(e -> e.getRequest().getMethod() == Bundle.HTTPVerb.PUT && e.getResource() instanceof DocumentReference);
        if (update) {
            return update(bundle);
        }
        checks.require(bundle, NoteChecks.CDL + "cdl-bundle-creation-note");
        Map<String, String> resolved = new HashMap<>();
        // First the actors (conditional create), then the notes, so that references can be rewritten.
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof DocumentReference) {
                continue;
            }
            String type = resource.fhirType();
            Resource existing = null;
            String ifNoneExist = entry.getRequest().getIfNoneExist();
            if (ifNoneExist != null && ifNoneExist.startsWith("identifier=")) {
                String token = ifNoneExist.substring("identifier=".length());
                int bar = token.indexOf('|');
                existing = store.actorByIdentifier(type, token.substring(0, bar), token.substring(bar + 1)).orElse(null);
            }
            Resource stored = existing;
            if (stored == null) {
                stored = resource.copy();
                stored.setId(type + "/" + store.newId(type.toLowerCase()));
            }
            resolved.put(entry.getFullUrl(), type + "/" + stored.getIdElement().getIdPart());
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof DocumentReference) {
                continue;
            }
            String target = resolved.get(entry.getFullUrl());
            if (store.actor(target).isEmpty()) {
                Resource stored = resource.copy();
                stored.setId(target);
                rewrite(stored, resolved);
                store.putActor(stored);
            }
        }
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof DocumentReference note) {
                Optional<DocumentReference> already = existingNote(entry.getRequest().getIfNoneExist());
                if (already.isPresent()) {
                    // conditional create (ifNoneExist on the note's identifier): the note is there, nothing is created
                    response.addEntry().getResponse().setStatus("200 OK")
                            .setLocation("DocumentReference/" + already.get().getIdElement().getIdPart() + "/_history/"
                                    + already.get().getMeta().getVersionId());
                    continue;
                }
                DocumentReference copy = note.copy();
                rewrite(copy, resolved);
                copy.setId((String) null);
                DocumentReference stored = store.create(copy);
                onNewNote.accept(stored);
                response.addEntry().getResponse().setStatus("201 Created")
                        .setLocation("DocumentReference/" + stored.getIdElement().getIdPart() + "/_history/1").setEtag("W/\"1\"");
            } else {
                response.addEntry().getResponse().setStatus("201 Created").setLocation(resolved.get(entry.getFullUrl()));
            }
        }
        return response;
    }

    /**
     * A structure writes in its own name only: every Organization the bundle carries (the note's author or its
     * practitioner's structure) is, by its FINESS, the structure the token authenticates.
     */
    private static void writtenByTheAuthenticatedStructure(Bundle bundle, String structure) {
        if (structure == null) {
            return;
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof org.hl7.fhir.r4.model.Organization organization) {
                for (Identifier identifier : organization.getIdentifier()) {
                    if (FINESS_SYSTEM.equals(identifier.getSystem()) && !structure.equals(identifier.getValue())) {
                        throw new ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException("la structure " + identifier.getValue()
                                + " de la note n'est pas la structure du jeton (" + structure + ")");
                    }
                }
            }
        }
    }

    private Optional<DocumentReference> existingNote(String ifNoneExist) {
        if (ifNoneExist == null || !ifNoneExist.startsWith("identifier=") || !ifNoneExist.contains("|")) {
            return Optional.empty();
        }
        String token = ifNoneExist.substring("identifier=".length());
        int bar = token.indexOf('|');
        return store.noteByIdentifier(token.substring(0, bar), token.substring(bar + 1));
    }

    /** Flux 2c ({@code cdl-bundle-maj-note}): every PUT checked against its If-Match before anything is written. */
    private Bundle update(Bundle bundle) {
        checks.require(bundle, NoteChecks.CDL + "cdl-bundle-maj-note");
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            String id = new org.hl7.fhir.r4.model.IdType(entry.getRequest().getUrl()).getIdPart();
            DocumentReference current = store.current(id).orElseThrow(() ->
                    new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException("DocumentReference/" + id));
            String expected = entry.getRequest().hasIfMatch() ? entry.getRequest().getIfMatch().replace("W/", "").replace("\"", "") : null;
            if (expected == null || !expected.equals(current.getMeta().getVersionId())) {
                throw new ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException("note " + id + " is at version "
                        + current.getMeta().getVersionId() + (expected == null ? "; If-Match is required" : ", not " + expected));
            }
        }
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            String id = new org.hl7.fhir.r4.model.IdType(entry.getRequest().getUrl()).getIdPart();
            DocumentReference stored = store.update(id, (DocumentReference) entry.getResource());
            response.addEntry().getResponse().setStatus("200 OK").setEtag("W/\"" + stored.getMeta().getVersionId() + "\"")
                    .setLocation("DocumentReference/" + id + "/_history/" + stored.getMeta().getVersionId());
        }
        return response;
    }

    /** Rewrites urn:uuid references of the bundle to the ids the platform gave. */
    static void rewrite(Resource resource, Map<String, String> resolved) {
        List<Reference> references = new java.util.ArrayList<>();
        collect(resource, references);
        for (Reference reference : references) {
            String target = resolved.get(reference.getReference());
            if (target != null) {
                reference.setReference(target);
            }
        }
    }

    private static void collect(org.hl7.fhir.r4.model.Base base, List<Reference> into) {
        for (org.hl7.fhir.r4.model.Property property : base.children()) {
            for (org.hl7.fhir.r4.model.Base value : property.getValues()) {
                if (value instanceof Reference reference) {
                    into.add(reference);
                } else if (value != null && !(value instanceof Resource) && !value.isPrimitive()) {
                    collect(value, into);
                }
            }
        }
    }

    static boolean hasIdentifier(List<Identifier> identifiers, String system, String value) {
        return identifiers.stream().anyMatch(i -> system.equals(i.getSystem()) && value.equals(i.getValue()));
    }
}
