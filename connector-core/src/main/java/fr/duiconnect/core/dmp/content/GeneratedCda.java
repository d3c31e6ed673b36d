package fr.duiconnect.core.dmp.content;

import java.nio.charset.StandardCharsets;

/**
 * A CDA document the connector wrote, with the identifiers the DUI keeps to replace it later.
 *
 * @param uniqueId      the document id (CDA {@code id}, XDS uniqueId, EX_2.1-1130)
 * @param setId         shared by every version of the document
 * @param versionNumber 1 for a first version
 * @param xml           the UTF-8 CDA R2 document
 */
public record GeneratedCda(String uniqueId, String setId, int versionNumber, byte[] xml) {

    public GeneratedCda {
        xml = xml.clone();
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
