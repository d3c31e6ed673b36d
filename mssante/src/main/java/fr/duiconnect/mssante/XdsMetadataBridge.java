package fr.duiconnect.mssante;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.XdsDocument;
import fr.duiconnect.core.xds.XdsMetadataReader;
import fr.duiconnect.core.xds.XdsMetadataWriter;
import fr.duiconnect.core.xds.XdsSubmission;
import fr.duiconnect.mssante.compose.MetadataXmlWriter;
import fr.duiconnect.mssante.receive.MetadataXmlReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * METADATA.XML through the core's shared XDS metadata writer and parser ({@code fr.duiconnect.core.xds}), the same
 * ones the DMP deposit uses: MSSanté never has its own.
 */
public final class XdsMetadataBridge {

    private XdsMetadataBridge() {
    }

    public static MetadataXmlWriter writer() {
        return (submissionSet, documents, uris) -> {
            List<XdsDocument> entries = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                entries.add(XdsDocument.of(documents.get(i)).withUri(uris.get(i)));
            }
            return XdsMetadataWriter.writeBytes(new XdsSubmission(submissionSet, entries));
        };
    }

    public static MetadataXmlReader reader() {
        return xml -> {
            XdsSubmission submission = XdsMetadataReader.read(xml);
            Map<String, DocumentMetadata> byUri = new LinkedHashMap<>();
            for (XdsDocument document : submission.documents()) {
                if (document.uri() == null) {
                    throw InvalidInputException.required("METADATA.XML documentEntry.URI");
                }
                byUri.put(document.uri(), document.metadata());
            }
            return new MetadataXmlReader.Content(submission.submissionSet().patientId(), byUri);
        };
    }
}
