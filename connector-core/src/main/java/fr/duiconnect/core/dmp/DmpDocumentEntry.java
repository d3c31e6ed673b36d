package fr.duiconnect.core.dmp;

import fr.duiconnect.core.model.Code;

import java.time.Instant;
import java.util.List;

/**
 * One document entry found by TD3.1. The uniqueId is the DUI's own and invariant; the entryUUID is the registry's
 * and changes with every new version or metadata update.
 */
public record DmpDocumentEntry(String uniqueId, String entryUuid, String repositoryUniqueId, String title,
                               Code typeCode, Code classCode, Instant creationTime, DocumentAvailability status,
                               List<Code> confidentialityCodes, String authorInstitution, String hash, long size,
                               String mimeType) {

    public DmpDocumentEntry {
        confidentialityCodes = confidentialityCodes == null ? List.of() : List.copyOf(confidentialityCodes);
    }
}
