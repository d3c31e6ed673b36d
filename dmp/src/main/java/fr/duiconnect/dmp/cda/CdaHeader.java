package fr.duiconnect.dmp.cda;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.Professional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the XDS metadata of a DMP deposit is derived from: the header of the CDA document (CI-SIS "mapping XDS",
 * shared/specs/dmp.md §1.5). Read by {@link CdaHeaderReader}; nothing here is typed in twice by the DUI.
 *
 * @param uniqueId          {@code id/@root} (plus {@code ^extension} when the id has one): the XDS uniqueId
 * @param nonXmlMediaType   the media type of a level-1 body ({@code nonXMLBody/text/@mediaType}), else null
 * @param replacedUniqueId  the uniqueId of the document a {@code relatedDocument typeCode="RPLC"} names, else null
 */
public record CdaHeader(List<String> templateIds, Code typeCode, String title, String uniqueId, String setId,
                        int versionNumber, Instant effectiveTime, Code confidentialityCode, String languageCode,
                        Ins patientIns, Professional author, Code authorSpecialty, Finess authorInstitution,
                        String authorInstitutionName, Professional legalAuthenticator, Instant serviceStart,
                        Instant serviceStop, Code healthcareFacilityTypeCode, Code practiceSettingCode,
                        String nonXmlMediaType, String replacedUniqueId) {

    public CdaHeader {
        templateIds = List.copyOf(templateIds);
    }

    public boolean hasTemplate(String root) {
        return templateIds.contains(root);
    }

    public Optional<String> replaces() {
        return Optional.ofNullable(replacedUniqueId);
    }

    /** A structured body (level 3) or a PDF/text body (level 1, structuration minimale). */
    public boolean isLevelOne() {
        return nonXmlMediaType != null;
    }
}
