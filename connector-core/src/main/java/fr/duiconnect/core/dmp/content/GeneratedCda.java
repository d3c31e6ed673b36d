package fr.duiconnect.core.dmp.content;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CDA document the connector wrote, with the identifiers the DUI keeps to replace it later.
 *
 * @param uniqueId      the document id (CDA {@code id}, XDS uniqueId, EX_2.1-1130)
 * @param setId         shared by every version of the document
 * @param versionNumber 1 for a first version
 * @param xml           the UTF-8 CDA R2 document
 * @param directoryDifferences where the DUI's values (written) differ from the Annuaire Santé's, when the document
 *                      was written with the directory; empty otherwise
 */
public record GeneratedCda(String uniqueId, String setId, int versionNumber, byte[] xml, List<DirectoryDifference> directoryDifferences) {

    public GeneratedCda {
        xml = xml.clone();
        directoryDifferences = directoryDifferences == null ? List.of() : List.copyOf(directoryDifferences);
    }

    /** A document written from the DUI's values alone. */
    public GeneratedCda(String uniqueId, String setId, int versionNumber, byte[] xml) {
        this(uniqueId, setId, versionNumber, xml, List.of());
    }

    /** The same document with the differences its writing found against the directory. */
    public GeneratedCda withDirectoryDifferences(List<DirectoryDifference> differences) {
        return new GeneratedCda(uniqueId, setId, versionNumber, xml, differences);
    }

    @Override
    public byte[] xml() {
        return xml.clone();
    }

    /** What a later version names as the version it replaces. */
    public PreviousVersion asPrevious() {
        return new PreviousVersion(uniqueId, setId, versionNumber);
    }

    public String asString() {
        return new String(xml, StandardCharsets.UTF_8);
    }
}
