package fr.duiconnect.harness.eparcours;

import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated coordination platform holds: every version of every note, and the actors (patients,
 * practitioners, roles, organisations) notes refer to. Thread-safe (synchronized), in memory.
 */
public final class PlatformStore {

    private final Map<String, List<DocumentReference>> notes = new LinkedHashMap<>();
    private final Map<String, Resource> actors = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Clock clock;
    private Instant last = Instant.EPOCH;
    private final List<java.util.function.Consumer<DocumentReference>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called after every note creation or change (subscriptions). */
    public void onChange(java.util.function.Consumer<DocumentReference> listener) {
        listeners.add(listener);
    }

    private DocumentReference changed(DocumentReference note) {
        listeners.forEach(listener -> listener.accept(note));
        return note;
    }

    PlatformStore(Clock clock) {
        this.clock = clock;
    }

    public String newId(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    /** Strictly increasing instants (millisecond precision), so that _lastUpdated orders every change. */
    private synchronized Instant tick() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (!now.isAfter(last)) {
            now = last.plusMillis(1);
        }
        last = now;
        return now;
    }

    public synchronized Resource putActor(Resource resource) {
        actors.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
        return resource;
    }

    public synchronized Optional<Resource> actor(String reference) {
        return Optional.ofNullable(actors.get(reference));
    }

    /** An actor of that type with that identifier (system|value), for conditional creates. */
    public synchronized Optional<Resource> actorByIdentifier(String type, String system, String value) {
        return actors.values().stream().filter(r -> r.fhirType().equals(type)).filter(r -> identifiers(r).stream()
                .anyMatch(i -> system.equals(i.getSystem()) && value.equals(i.getValue()))).findFirst();
    }

    private static List<Identifier> identifiers(Resource resource) {
        try {
            @SuppressWarnings("unchecked")
            List<Identifier> list = (List<Identifier>) resource.getClass().getMethod("getIdentifier").invoke(resource);
            return list;
        } catch (ReflectiveOperationException e) {
            return List.of();
        }
    }

    /** Stores a new note (version 1) and returns it as stored. */
    public DocumentReference create(DocumentReference note) {
        return changed(createLocked(note));
    }

    private synchronized DocumentReference createLocked(DocumentReference note) {
        String id = note.getIdElement().hasIdPart() && !notes.containsKey(note.getIdElement().getIdPart())
                && !note.getIdElement().getIdPart().startsWith("urn") ? note.getIdElement().getIdPart() : newId("note");
        DocumentReference stored = stamp(note.copy(), id, 1);
        notes.put(id, new ArrayList<>(List.of(stored)));
        return stored;
    }

    /** Stores a new version; the caller has checked the expected version. */
    public DocumentReference update(String id, DocumentReference note) {
        return changed(updateLocked(id, note));
    }

    private synchronized DocumentReference updateLocked(String id, DocumentReference note) {
        List<DocumentReference> versions = notes.get(id);
        DocumentReference stored = stamp(note.copy(), id, versions.size() + 1);
        versions.add(stored);
        return stored;
    }

    private DocumentReference stamp(DocumentReference note, String id, int version) {
        Instant now = tick();
        note.setId(new IdType("DocumentReference", id, String.valueOf(version)));
        note.getMeta().setVersionId(String.valueOf(version)).setLastUpdated(Date.from(now));
        return note;
    }

    public synchronized Optional<DocumentReference> current(String id) {
        List<DocumentReference> versions = notes.get(id);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The latest version of every note about the patient with that INS, oldest change first. */
    public synchronized List<DocumentReference> aboutPerson(String matricule) {
        List<DocumentReference> result = new ArrayList<>();
        for (List<DocumentReference> versions : notes.values()) {
            DocumentReference latest = versions.get(versions.size() - 1);
            if (matricule.equals(insOfSubject(latest))) {
                result.add(latest);
            }
        }
        result.sort(Comparator.comparing(n -> n.getMeta().getLastUpdated()));
        return result;
    }

    /** The latest version of the note whose masterIdentifier is {@code system|value}, if stored. */
    public synchronized Optional<DocumentReference> noteByIdentifier(String system, String value) {
        for (List<DocumentReference> versions : notes.values()) {
            DocumentReference latest = versions.get(versions.size() - 1);
            if (latest.hasMasterIdentifier() && system.equals(latest.getMasterIdentifier().getSystem())
                    && value.equals(latest.getMasterIdentifier().getValue())) {
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }

    public synchronized int noteCount() {
        return notes.size();
    }

    /** The INS matricule of the note's subject, if the platform knows the patient. */
    public synchronized String insOfSubject(DocumentReference note) {
        Reference subject = note.getSubject();
        Resource patient = actors.get(subject.getReference());
        if (patient instanceof Patient p) {
            return p.getIdentifier().stream().filter(i -> i.getSystem() != null && i.getSystem().startsWith("urn:oid:1.2.250.1.213.1.4."))
                    .map(Identifier::getValue).findFirst().orElse(null);
        }
        return null;
    }
}
