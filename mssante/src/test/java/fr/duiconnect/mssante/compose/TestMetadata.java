package fr.duiconnect.mssante.compose;

import java.nio.charset.StandardCharsets;

/** Placeholder METADATA.XML writer for composer tests that do not look at the metadata content. */
final class TestMetadata {

    static final MetadataXmlWriter WRITER = (set, documents, uris) ->
            ("<SubmitObjectsRequest documents=\"" + String.join(",", uris) + "\"/>").getBytes(StandardCharsets.UTF_8);

    private TestMetadata() {
    }
}
