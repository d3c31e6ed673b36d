package fr.duiconnect.mssante;

import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.mssante.compose.MetadataXmlWriter;
import fr.duiconnect.mssante.receive.MetadataXmlReader;

/**
 * METADATA.XML through the core's shared XDS metadata writer and parser ({@code fr.duiconnect.core.xds}), the same
 * ones the DMP deposit uses: MSSanté never has its own.
 */
public final class XdsMetadataBridge {

    private XdsMetadataBridge() {
    }

    public static MetadataXmlWriter writer() {
        return (submissionSet, documents, uris) -> {
            throw new ConfigurationException("xds", "the shared XDS metadata writer is not in this build yet");
        };
    }

    public static MetadataXmlReader reader() {
        return xml -> {
            throw new ConfigurationException("xds", "the shared XDS metadata parser is not in this build yet");
        };
    }
}
