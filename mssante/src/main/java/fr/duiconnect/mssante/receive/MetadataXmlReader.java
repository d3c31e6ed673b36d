package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.xds.DocumentMetadata;

import java.util.Map;

/**
 * Reads METADATA.XML of a received archive. The one implementation delegates to the core's shared XDS parser.
 */
@FunctionalInterface
public interface MetadataXmlReader {

    /** What METADATA.XML says: the patient (ECO.2.1.2) and the document entries by their URI (file name). */
    record Content(Ins patient, Map<String, DocumentMetadata> documentsByUri) {
    }

    /** @throws fr.duiconnect.core.error.InvalidInputException when it is not a readable SubmitObjectsRequest */
    Content read(byte[] metadataXml);
}
