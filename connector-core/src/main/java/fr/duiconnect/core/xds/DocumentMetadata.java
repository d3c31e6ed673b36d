package fr.duiconnect.core.xds;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.Require;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The metadata of one document (XDS DocumentEntry) with the French DMP constraints, shared by the DMP deposit
 * (ITI-41) and the MSSanté XDM archive (METADATA.XML), which both serialise it through one writer.
 * See shared/specs/dmp.md §1.5 for each field's optionality.
 */
public record DocumentMetadata(
        String uniqueId,
        String setId,
        String title,
        Code classCode,
        Code typeCode,
        Code formatCode,
        Code healthcareFacilityTypeCode,
        Code practiceSettingCode,
        List<Code> confidentialityCodes,
        String languageCode,
        String mimeType,
        Instant creationTime,
        Instant serviceStartTime,
        Instant serviceStopTime,
        Ins patientId,
        String sourcePatientId,
        DocumentAuthor author,
        Professional legalAuthenticator,
        String hash,
        long size,
        String comments,
        List<Code> eventCodes) {

    public DocumentMetadata {
        Require.text(uniqueId, "documentEntry.uniqueId");
        Require.text(title, "documentEntry.title");
        Require.present(classCode, "documentEntry.classCode");
        Require.present(typeCode, "documentEntry.typeCode");
        Require.present(formatCode, "documentEntry.formatCode");
        Require.present(healthcareFacilityTypeCode, "documentEntry.healthcareFacilityTypeCode");
        Require.present(practiceSettingCode, "documentEntry.practiceSettingCode");
        confidentialityCodes = Require.nonEmpty(confidentialityCodes, "documentEntry.confidentialityCode");
        Require.text(languageCode, "documentEntry.languageCode");
        Require.text(mimeType, "documentEntry.mimeType");
        Require.present(creationTime, "documentEntry.creationTime");
        Require.present(patientId, "documentEntry.patientId");
        Require.present(author, "documentEntry.author");
        if (hash != null) {
            Require.matches(hash, "[0-9a-f]{40}", "documentEntry.hash", "the lower-case hexadecimal SHA-1 of the document");
        }
        eventCodes = eventCodes == null ? List.of() : List.copyOf(eventCodes);
        if (size < 0) {
            throw fr.duiconnect.core.error.InvalidInputException.format("documentEntry.size", "zero or more bytes");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().uniqueId(uniqueId).setId(setId).title(title).classCode(classCode).typeCode(typeCode)
                .formatCode(formatCode).healthcareFacilityTypeCode(healthcareFacilityTypeCode)
                .practiceSettingCode(practiceSettingCode).confidentialityCodes(confidentialityCodes)
                .languageCode(languageCode).mimeType(mimeType).creationTime(creationTime)
                .serviceStartTime(serviceStartTime).serviceStopTime(serviceStopTime).patientId(patientId)
                .sourcePatientId(sourcePatientId).author(author).legalAuthenticator(legalAuthenticator)
                .hash(hash).size(size).comments(comments).eventCodes(eventCodes);
    }

    /** Builder with the French defaults: language fr-FR, mime type text/xml. */
    public static final class Builder {
        private String uniqueId;
        private String setId;
        private String title;
        private Code classCode;
        private Code typeCode;
        private Code formatCode;
        private Code healthcareFacilityTypeCode;
        private Code practiceSettingCode;
        private List<Code> confidentialityCodes = List.of();
        private String languageCode = "fr-FR";
        private String mimeType = "text/xml";
        private Instant creationTime;
        private Instant serviceStartTime;
        private Instant serviceStopTime;
        private Ins patientId;
        private String sourcePatientId;
        private DocumentAuthor author;
        private Professional legalAuthenticator;
        private String hash;
        private long size;
        private String comments;
        private List<Code> eventCodes = List.of();

        private Builder() {
        }

        public Builder uniqueId(String v) { uniqueId = v; return this; }
        public Builder setId(String v) { setId = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder classCode(Code v) { classCode = v; return this; }
        public Builder typeCode(Code v) { typeCode = v; return this; }
        public Builder formatCode(Code v) { formatCode = v; return this; }
        public Builder healthcareFacilityTypeCode(Code v) { healthcareFacilityTypeCode = v; return this; }
        public Builder practiceSettingCode(Code v) { practiceSettingCode = v; return this; }
        public Builder confidentialityCodes(List<Code> v) { confidentialityCodes = Objects.requireNonNullElse(v, List.of()); return this; }
        public Builder languageCode(String v) { languageCode = v; return this; }
        public Builder mimeType(String v) { mimeType = v; return this; }
        public Builder creationTime(Instant v) { creationTime = v; return this; }
        public Builder serviceStartTime(Instant v) { serviceStartTime = v; return this; }
        public Builder serviceStopTime(Instant v) { serviceStopTime = v; return this; }
        public Builder patientId(Ins v) { patientId = v; return this; }
        public Builder sourcePatientId(String v) { sourcePatientId = v; return this; }
        public Builder author(DocumentAuthor v) { author = v; return this; }
        public Builder legalAuthenticator(Professional v) { legalAuthenticator = v; return this; }
        public Builder hash(String v) { hash = v; return this; }
        public Builder size(long v) { size = v; return this; }
        public Builder comments(String v) { comments = v; return this; }
        /** eventCodeList (e.g. the IHE DSG purpose of a signature document, 1.2.840.10065.1.12.1.14 "Source"). */
        public Builder eventCodes(List<Code> v) { eventCodes = Objects.requireNonNullElse(v, List.of()); return this; }

        public DocumentMetadata build() {
            return new DocumentMetadata(uniqueId, setId, title, classCode, typeCode, formatCode,
                    healthcareFacilityTypeCode, practiceSettingCode, confidentialityCodes, languageCode, mimeType,
                    creationTime, serviceStartTime, serviceStopTime, patientId, sourcePatientId, author,
                    legalAuthenticator, hash, size, comments, eventCodes);
        }
    }
}
