package fr.duiconnect.core.mssante;

import fr.duiconnect.core.xds.DocumentMetadata;

import java.util.Optional;

/**
 * A document received in an IHE_XDM archive, with its metadata from METADATA.XML when the entry could be read.
 *
 * @param path     path inside the archive, e.g. {@code IHE_XDM/SUBSET01/DOC0001.XML}
 * @param mimeType the entry's mimeType in METADATA.XML, or guessed from the name
 * @param content  the bytes
 * @param metadata the document entry, or null when METADATA.XML did not describe it
 */
public record InboundDocument(String path, String mimeType, byte[] content, DocumentMetadata metadata) {

    public Optional<DocumentMetadata> metadataIfAny() {
        return Optional.ofNullable(metadata);
    }
}
