package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.PreviousVersion;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.xds.XdsUniqueIds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * Writes the CDA documents the DUI sends to the DMP, after the pre-checks: the DLU of an EHPAD resident (volet
 * DLU-EHPAD 2022.01, CDA R2 level 3) and the entry and exit liaison letters of establishments for disabled persons
 * (CDA R2 level 1, structuration minimale with the DUI's PDF as body). Each document gets a new uniqueId
 * (2.25 UUID-OID, EX_2.1-1130); a replacement keeps the setId and names the version it replaces (RPLC).
 * Thread-safe.
 */
public final class CdaDocumentWriter {

    /** Default bound on the PDFs one document embeds: a DLU travels with the resident, often by MSSanté too. */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    static final String[] DLU_TEMPLATE = {"1.2.250.1.213.1.1.1.22", "2022.01"};
    static final Code DLU_TYPE = new Code("74207-2", CdaHeaderWriter.LOINC, "Dossier de liaison d'urgence");
    static final Code DLU_SERVICE_EVENT = new Code("34117-2", CdaHeaderWriter.LOINC, "Historique et clinique");
    static final String DLU_TITLE = "Dossier de liaison d'urgence";

    private final Clock clock;
    private final DocumentPreChecks checks;

    public CdaDocumentWriter(Clock clock) {
        this(clock, DEFAULT_MAX_ATTACHMENT_BYTES);
    }

    public CdaDocumentWriter(Clock clock, long maxAttachmentBytes) {
        this(clock, maxAttachmentBytes, Terminology.none());
    }

    /**
     * A writer whose pre-checks use these value sets (the kit's, {@link Terminology#fromKit}): header codes outside
     * them are refused, and a code given without display name gets the value set's.
     */
    public CdaDocumentWriter(Clock clock, long maxAttachmentBytes, Terminology terminology) {
        this.clock = clock;
        this.checks = new DocumentPreChecks(maxAttachmentBytes, terminology);
    }

    /** The resident's DLU; {@code replaces} is the DLU it supersedes, or null for a first DLU. */
    public GeneratedCda dlu(ResidentRecord resident, PreviousVersion replaces) {
        Instant now = clock.instant();
        DocumentPreChecks.Checked checked = checks.dlu(resident, today(now));
        Versioning version = Versioning.of(replaces);
        CdaXml xml = new CdaXml();
        xml.root("ClinicalDocument");
        CdaHeaderWriter.write(xml, new CdaHeaderWriter.Facts(DLU_TEMPLATE, DLU_TYPE, DLU_TITLE, version.uniqueId(), version.setId(),
                version.number(), now, resident.person(), checked.ins(), resident.address(), checked.establishment(), checked.author(),
                checked.attendingPhysician(), resident.emergencyContact(), resident.trustedPerson(), DLU_SERVICE_EVENT, Hl7Time.of(now), Hl7Time.of(now),
                replaces, resident.admittedOn(), null));
        new DluBodyWriter(xml, SectionWriter::uuid).write(resident);
        return new GeneratedCda(version.uniqueId(), version.setId(), version.number(), xml.finish());
    }

    /** A liaison letter as a level-1 CDA around the DUI's PDF; {@code replaces} may be null. */
    public GeneratedCda liaisonLetter(LiaisonLetter letter, PreviousVersion replaces) {
        Instant now = clock.instant();
        DocumentPreChecks.Checked checked = checks.letter(letter, today(now));
        Versioning version = Versioning.of(replaces);
        Code type = new Code(letter.kind().loinc(), CdaHeaderWriter.LOINC, letter.kind().displayName());
        // The documented act is the transition the letter is about; no CI-SIS list names a code for it, so the letter's
        // own LOINC type is used, over the stay's dates (or the writing date when the DUI gives none).
        String start = letter.stayStart() == null ? Hl7Time.of(now) : Hl7Time.of(letter.stayStart());
        String end = letter.stayEnd() == null ? Hl7Time.of(now) : Hl7Time.of(letter.stayEnd());
        CdaXml xml = new CdaXml();
        xml.root("ClinicalDocument");
        CdaHeaderWriter.write(xml, new CdaHeaderWriter.Facts(null, type, letter.title(), version.uniqueId(), version.setId(),
                version.number(), now, letter.person(), checked.ins(), letter.address(), checked.establishment(), checked.author(),
                checked.attendingPhysician(), null, null, type, start, end, replaces, letter.stayStart(), letter.stayEnd()));
        xml.start("component").start("nonXMLBody");
        xml.start("text", "mediaType", "application/pdf", "representation", "B64")
                .text(Base64.getMimeEncoder(76, new byte[]{'\n'}).encodeToString(letter.pdf())).end();
        xml.end().end();
        return new GeneratedCda(version.uniqueId(), version.setId(), version.number(), xml.finish());
    }

    private static LocalDate today(Instant now) {
        return now.atZone(Hl7Time.FRANCE).toLocalDate();
    }

    /** A first version opens a new set; a replacement continues the set of the version it replaces. */
    private record Versioning(String uniqueId, String setId, int number) {
        static Versioning of(PreviousVersion replaces) {
            String uniqueId = XdsUniqueIds.random();
            return replaces == null ? new Versioning(uniqueId, XdsUniqueIds.random(), 1)
                    : new Versioning(uniqueId, replaces.setId(), replaces.versionNumber() + 1);
        }
    }
}
