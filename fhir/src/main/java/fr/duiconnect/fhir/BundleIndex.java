package fr.duiconnect.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves references between the resources of a Bundle: by {@code fullUrl}, by {@code Type/id} (also as the
 * tail of an absolute URL), by a local {@code #id} to a contained resource, and, as the IG's examples do, by
 * {@code #id} to a bundle entry with that id.
 */
public final class BundleIndex {

    private final Map<String, Resource> byFullUrl = new HashMap<>();
    private final Map<String, Resource> byTypeAndId = new HashMap<>();
    private final Map<String, Resource> byId = new HashMap<>();
    private final List<Resource> resources = new ArrayList<>();

    public BundleIndex(Bundle bundle) {
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            resources.add(resource);
            if (entry.hasFullUrl()) {
                byFullUrl.put(entry.getFullUrl(), resource);
            }
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                String id = resource.getIdElement().getIdPart();
                byTypeAndId.put(resource.fhirType() + "/" + id, resource);
                byId.putIfAbsent(id, resource);
            }
        }
    }

    public List<Resource> resources() {
        return resources;
    }

    public <T extends Resource> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The resource a reference of {@code from} points to, if it is in the bundle (or contained in {@code from}). */
    public <T extends Resource> Optional<T> resolve(DomainResource from, Reference reference, Class<T> type) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        String ref = reference.getReference();
        Resource found = null;
        if (ref.startsWith("#")) {
            String id = ref.substring(1);
            for (Resource contained : from.getContained()) {
                if (id.equals(contained.getIdElement().getIdPart())) {
                    found = contained;
                }
            }
            if (found == null) {
                found = byId.get(id);
            }
        } else {
            found = byFullUrl.get(ref);
            if (found == null) {
                String[] parts = ref.split("/");
                if (parts.length >= 2) {
                    int at = parts.length >= 4 && "_history".equals(parts[parts.length - 2]) ? parts.length - 4 : parts.length - 2;
                    found = byTypeAndId.get(parts[at] + "/" + parts[at + 1]);
                }
            }
        }
        return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
    }
}
