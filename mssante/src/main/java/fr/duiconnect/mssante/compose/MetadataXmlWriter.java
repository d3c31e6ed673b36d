package fr.duiconnect.mssante.compose;

import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.SubmissionSetMetadata;

import java.util.List;

/**
 * Writes METADATA.XML (ebRS SubmitObjectsRequest) for the XDM archive. The one implementation delegates to the
 * core's shared XDS writer, which the DMP deposit uses as well.
 */
@FunctionalInterface
public interface MetadataXmlWriter {

    /**
     * @param uris file name of each document in SUBSET01 (the XDM {@code URI} slot), in the order of {@code documents}
     */
    byte[] write(SubmissionSetMetadata submissionSet, List<DocumentMetadata> documents, List<String> uris);
}
