package fr.duiconnect.core.xds;

import fr.duiconnect.core.model.Require;

import java.util.List;

/** A submission set and its documents: what ITI-41 registers and what an XDM archive's METADATA.XML describes. */
public record XdsSubmission(SubmissionSetMetadata submissionSet, List<XdsDocument> documents) {

    public XdsSubmission {
        Require.present(submissionSet, "submissionSet");
        documents = Require.nonEmpty(documents, "documents");
    }
}
