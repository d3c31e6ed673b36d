package fr.duiconnect.core.xds;

import fr.duiconnect.core.model.Require;

/**
 * A document entry as it appears in a submission: its metadata, its entryUUID (the id the submission's
 * associations point to) and, in an XDM archive, its file name (the {@code URI} slot).
 *
 * @param replaces entryUUID of the document this one replaces (RPLC association), or null
 */
public record XdsDocument(DocumentMetadata metadata, String entryUuid, String uri, String replaces) {

    public XdsDocument {
        Require.present(metadata, "documentEntry");
        Require.matches(entryUuid, "urn:uuid:[0-9a-f-]{36}", "documentEntry.entryUUID", "urn:uuid: followed by a UUID");
    }

    public static XdsDocument of(DocumentMetadata metadata) {
        return new XdsDocument(metadata, "urn:uuid:" + java.util.UUID.randomUUID(), null, null);
    }

    public XdsDocument withUri(String newUri) {
        return new XdsDocument(metadata, entryUuid, newUri, replaces);
    }

    public XdsDocument replacing(String previousEntryUuid) {
        return new XdsDocument(metadata, entryUuid, uri, previousEntryUuid);
    }
}
