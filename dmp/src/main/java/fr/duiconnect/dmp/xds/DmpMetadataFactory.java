package fr.duiconnect.dmp.xds;

import fr.duiconnect.core.dmp.Visibility;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.core.xds.ClassCodes;
import fr.duiconnect.core.xds.DocumentAuthor;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.SubmissionSetMetadata;
import fr.duiconnect.core.xds.XdsDocument;
import fr.duiconnect.core.xds.XdsSubmission;
import fr.duiconnect.core.xds.XdsUniqueIds;
import fr.duiconnect.dmp.DmpErrorCode;
import fr.duiconnect.dmp.cda.CdaHeader;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Derives the XDS submission of a DMP deposit from the CDA header (CI-SIS "mapping XDS"): the document entry,
 * the signature entry and the submission set. Every refusal names the metadata field and its rule.
 *
 * @param sourceId        OID of the LPS installation (submissionSet.sourceId)
 * @param contentTypeCode JDV_J59 contentTypeCode of the submission set (configurable; UNCONFIRMED for ESMS)
 */
public record DmpMetadataFactory(String sourceId, Code contentTypeCode) {

    public static final String LOINC = "2.16.840.1.113883.6.1";

    /** The document entry of a CDA, with the given visibility restrictions. */
    public DocumentMetadata documentEntry(CdaHeader cda, byte[] content, Set<Visibility> visibility) {
        if (!LOINC.equals(cda.typeCode().codeSystem()) || ClassCodes.forType(cda.typeCode()).isEmpty()) {
            throw new InvalidInputException(DmpErrorCode.TYPE_CODE, "ClinicalDocument/code",
                    cda.typeCode().code() + " is not a DMP typeCode (JDV_J66 with a classCode in ASS_X16)");
        }
        Code format = cda.isLevelOne() ? levelOneFormat(cda)
                : cda.templateIds().stream().map(DmpCodes::formatForTemplate).flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> new InvalidInputException(DmpErrorCode.FORMAT_CODE, "ClinicalDocument/templateId",
                        "no templateId names a volet with a DMP formatCode (ASS_A11); a level-1 document has a PDF nonXMLBody"));
        if (!DmpCodes.isFacilityType(cda.healthcareFacilityTypeCode())) {
            throw new InvalidInputException(DmpErrorCode.FACILITY_CODE, "healthCareFacility/code",
                    cda.healthcareFacilityTypeCode().code() + " (" + cda.healthcareFacilityTypeCode().codeSystem()
                            + ") is not a TRE_R02 SecteurActivite code (e.g. SA17 EHPAD, SA16 PH)");
        }
        if (cda.uniqueId().contains("^") || !cda.uniqueId().matches("[0-2](\\.(0|[1-9]\\d*))+") || cda.uniqueId().length() > XdsUniqueIds.MAX_LENGTH) {
            throw new InvalidInputException(DmpErrorCode.UNIQUE_ID, "ClinicalDocument/id",
                    "the document id is the XDS uniqueId: an OID (no extension) of at most 64 characters, not " + cda.uniqueId());
        }
        List<Code> confidentiality = new ArrayList<>();
        confidentiality.add(cda.confidentialityCode());
        visibility.stream().sorted().forEach(v -> confidentiality.add(new Code(v.name(), Visibility.CODE_SYSTEM, v.displayName())));
        Structure institution = new Structure(cda.authorInstitution(), null, cda.authorInstitutionName() == null ? cda.authorInstitution().value() : cda.authorInstitutionName(),
                cda.healthcareFacilityTypeCode(), cda.practiceSettingCode());
        return DocumentMetadata.builder()
                .uniqueId(cda.uniqueId()).setId(cda.setId()).title(cda.title() == null ? cda.typeCode().displayName() : cda.title())
                .classCode(ClassCodes.requireForType(cda.typeCode())).typeCode(cda.typeCode()).formatCode(format)
                .healthcareFacilityTypeCode(cda.healthcareFacilityTypeCode()).practiceSettingCode(cda.practiceSettingCode())
                .confidentialityCodes(confidentiality).languageCode(cda.languageCode()).mimeType("text/xml")
                .creationTime(cda.effectiveTime()).serviceStartTime(cda.serviceStart()).serviceStopTime(cda.serviceStop())
                .patientId(cda.patientIns()).author(new DocumentAuthor(cda.author(), institution, null, cda.authorSpecialty()))
                .legalAuthenticator(cda.legalAuthenticator()).hash(sha1(content)).size(content.length)
                .build();
    }

    /** The signature entry that carries the submission set's XAdES signature. */
    public DocumentMetadata signatureEntry(DocumentMetadata document, String uniqueId, byte[] signature, Instant now) {
        return DocumentMetadata.builder()
                .uniqueId(uniqueId).title("Signature du lot de soumission").classCode(DmpCodes.SIGNATURE_CLASS)
                .typeCode(DmpCodes.SIGNATURE_TYPE).formatCode(DmpCodes.SIGNATURE_FORMAT)
                .healthcareFacilityTypeCode(document.healthcareFacilityTypeCode()).practiceSettingCode(document.practiceSettingCode())
                .confidentialityCodes(List.of(new Code("N", "2.16.840.1.113883.5.25", "Normal"))).languageCode("art")
                .eventCodes(List.of(DmpCodes.SIGNATURE_PURPOSE))
                .mimeType("text/xml").creationTime(now).patientId(document.patientId()).author(document.author())
                .hash(sha1(signature)).size(signature.length).build();
    }

    public SubmissionSetMetadata submissionSet(DocumentMetadata document, String uniqueId, Instant now) {
        return new SubmissionSetMetadata(uniqueId, sourceId, now, document.title(), contentTypeCode, document.author(), document.patientId());
    }

    /** The submission of one document (replacing {@code replacesEntryUuid} when not null) and its signature. */
    public XdsSubmission submission(SubmissionSetMetadata set, XdsDocument document, XdsDocument signature) {
        return new XdsSubmission(set, List.of(document, signature));
    }

    private static Code levelOneFormat(CdaHeader cda) {
        if (!"application/pdf".equals(cda.nonXmlMediaType())) {
            throw new InvalidInputException(DmpErrorCode.FORMAT_CODE, "nonXMLBody/text/@mediaType",
                    "a level-1 document deposited in the DMP carries a PDF (application/pdf), not " + cda.nonXmlMediaType());
        }
        return DmpCodes.PDF_FORMAT;
    }

    public static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
