package fr.duiconnect.dmp;

import fr.duiconnect.core.dmp.Visibility;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.XdsDocument;
import fr.duiconnect.core.xds.XdsSubmission;
import fr.duiconnect.core.xds.XdsUniqueIds;
import fr.duiconnect.dmp.cda.CdaHeader;
import fr.duiconnect.dmp.security.SubmissionSetSignature;
import fr.duiconnect.dmp.xds.DmpMetadataFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ITI-41 submission of one CDA: its document entry, the submission set signed (the signature travels as a
 * second document) and each document's bytes by entryUUID. Used by the deliveries, and by tools that build what
 * a deposit sends without a connector (benchmark baselines).
 */
public final class DocumentSubmissions {

    /** What {@link DmpGateway#provideAndRegister} takes, and the CDA's entry (its uniqueId is the deposit's reference). */
    public record Submission(DocumentMetadata entry, XdsSubmission submission, Map<String, byte[]> contentByEntryUuid) {
    }

    private final DmpMetadataFactory metadata;
    private final SubmissionSetSignature signer;
    private final Clock clock;

    public DocumentSubmissions(DmpSettings settings, Clock clock) {
        this(new DmpMetadataFactory(settings.sourceId(), settings.contentTypeCode()),
                new SubmissionSetSignature(settings.orgSign(), settings.signatureAlgorithm(), settings.digestAlgorithm(), clock), clock);
    }

    DocumentSubmissions(DmpMetadataFactory metadata, SubmissionSetSignature signer, Clock clock) {
        this.metadata = metadata;
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * @param replacesEntryUuid the entryUUID of the approved document this one replaces (RPLC association), or null
     */
    public Submission of(byte[] cda, CdaHeader header, Set<Visibility> visibility, String replacesEntryUuid) {
        DocumentMetadata entry = metadata.documentEntry(header, cda, visibility);
        Instant now = clock.instant();
        String setUniqueId = XdsUniqueIds.random();
        byte[] signature = signer.sign(setUniqueId, entry.uniqueId(), cda);
        DocumentMetadata signatureEntry = metadata.signatureEntry(entry, XdsUniqueIds.random(), signature, now);
        XdsDocument document = XdsDocument.of(entry);
        if (replacesEntryUuid != null) {
            document = document.replacing(replacesEntryUuid);
        }
        XdsDocument signed = XdsDocument.of(signatureEntry);
        XdsSubmission submission = metadata.submission(metadata.submissionSet(entry, setUniqueId, now), document, signed);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put(document.entryUuid(), cda);
        contents.put(signed.entryUuid(), signature);
        return new Submission(entry, submission, contents);
    }
}
