package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.SubmissionSetMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the simulated DMP holds: document entries per person (by INS matricule), with versions and statuses. */
final class DmpStore {

    /** One version of a document entry. */
    static final class Entry {
        final String logicalId;
        String entryUuid;
        int version = 1;
        DocumentMetadata metadata;
        final SubmissionSetMetadata submissionSet;
        DocumentAvailability status = DocumentAvailability.APPROVED;
        final byte[] content;
        final String authorStructureId;

        Entry(String entryUuid, DocumentMetadata metadata, SubmissionSetMetadata submissionSet, byte[] content, String authorStructureId) {
            this.logicalId = entryUuid;
            this.entryUuid = entryUuid;
            this.metadata = metadata;
            this.submissionSet = submissionSet;
            this.content = content;
            this.authorStructureId = authorStructureId;
        }
    }

    private final Map<String, List<Entry>> byPerson = new ConcurrentHashMap<>();

    synchronized List<Entry> entries(String matricule) {
        return List.copyOf(byPerson.getOrDefault(matricule, List.of()));
    }

    synchronized Optional<Entry> byUniqueId(String uniqueId) {
        return byPerson.values().stream().flatMap(List::stream).filter(e -> e.metadata.uniqueId().equals(uniqueId)).findFirst();
    }

    synchronized Optional<Entry> byEntryUuid(String entryUuid) {
        return byPerson.values().stream().flatMap(List::stream).filter(e -> e.entryUuid.equals(entryUuid)).findFirst();
    }

    synchronized Optional<Entry> byLogicalId(String logicalId) {
        return byPerson.values().stream().flatMap(List::stream).filter(e -> e.logicalId.equals(logicalId)).findFirst();
    }

    synchronized void add(String matricule, Entry entry) {
        byPerson.computeIfAbsent(matricule, k -> new ArrayList<>()).add(entry);
    }

    /** How many stored entries carry each document uniqueId (the registry refuses a second one; this counts what it kept). */
    synchronized Map<String, Integer> countByUniqueId() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        byPerson.values().stream().flatMap(List::stream).forEach(e -> counts.merge(e.metadata.uniqueId(), 1, Integer::sum));
        return counts;
    }

    synchronized int documentCount() {
        return byPerson.values().stream().mapToInt(List::size).sum();
    }
}
