package fr.duiconnect.core.dmp;

/** A document read back from the DMP repository (TD3.2 / ITI-43). */
public record RetrievedDocument(String uniqueId, String repositoryUniqueId, String mimeType, byte[] content) {

    public RetrievedDocument {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }
}
