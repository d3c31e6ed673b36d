package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Require;

/**
 * The version a new document replaces (CDA relatedDocument RPLC, then ITI-41 with an RPLC association): the DUI keeps
 * these three values of every document it deposited, from the {@link GeneratedCda} it was given.
 */
public record PreviousVersion(String uniqueId, String setId, int versionNumber) {

    public PreviousVersion {
        Require.text(uniqueId, "previous.uniqueId");
        Require.text(setId, "previous.setId");
        if (versionNumber < 1) {
            throw fr.duiconnect.core.error.InvalidInputException.format("previous.versionNumber", "a positive integer");
        }
    }
}
