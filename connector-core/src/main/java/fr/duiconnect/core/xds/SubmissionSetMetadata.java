package fr.duiconnect.core.xds;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.Require;

import java.time.Instant;

/**
 * XDS SubmissionSet (lot de soumission): one per ITI-41 deposit or per XDM archive.
 *
 * @param contentTypeCode from JDV_J59-ContentTypeCode-DMP
 * @param sourceId        OID of the emitting system (the LPS installation)
 */
public record SubmissionSetMetadata(String uniqueId, String sourceId, Instant submissionTime, String title,
                                    Code contentTypeCode, DocumentAuthor author, Ins patientId) {

    public SubmissionSetMetadata {
        Require.text(uniqueId, "submissionSet.uniqueId");
        Require.matches(sourceId, "[0-2](\\.(0|[1-9]\\d*))+", "submissionSet.sourceId", "an OID");
        Require.present(submissionTime, "submissionSet.submissionTime");
        Require.present(contentTypeCode, "submissionSet.contentTypeCode");
        Require.present(author, "submissionSet.author");
        Require.present(patientId, "submissionSet.patientId");
    }
}
