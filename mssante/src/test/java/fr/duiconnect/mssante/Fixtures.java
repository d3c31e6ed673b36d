package fr.duiconnect.mssante;

import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.core.mssante.MailDocument;
import fr.duiconnect.core.mssante.Mailbox;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.xds.DocumentAuthor;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.mssante.compose.ComposerSettings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Test data: a qualified resident of an EHPAD, its DLU, the EHPAD's mailboxes. */
public final class Fixtures {

    public static final String NUMBER = "2790351215189";
    public static final Ins INS = Ins.of(NUMBER, Ins.computeKey(NUMBER), InsKind.NIR_TEST);
    public static final Mailbox APP_MAILBOX = Mailbox.application("ehpad-tilleuls_auto@ehpad.mssante.fr", "EHPAD Les Tilleuls");
    public static final String REPLY_TO = "secretariat@ehpad.mssante.fr";
    public static final String RECIPIENT = "jean.dupont@hopital-a.mssante.fr";
    public static final SoftwareIdentity SOFTWARE = new SoftwareIdentity("MonDUI", "4.2",
            Map.of("mssante", "DEV935997"), UUID.fromString("6b1f0c2e-1111-4222-8333-444455556666"));

    private Fixtures() {
    }

    public static IdentityTraits traits() {
        return new IdentityTraits("CORSE", List.of("Figatellix", "Jean"), null, null, Sex.M, LocalDate.of(1988, 10, 12), "2A004");
    }

    public static PersonIdentity qualified() {
        return new PersonIdentity("IPP-1", traits(), INS, IdentityStatus.QUAL, Set.of());
    }

    public static PersonIdentity recovered() {
        return new PersonIdentity("IPP-1", traits(), INS, IdentityStatus.RECUP, Set.of());
    }

    public static PersonIdentity doubtful() {
        return new PersonIdentity("IPP-2", traits(), null, IdentityStatus.PROV, Set.of(IdentityAttribute.DOUT));
    }

    public static Structure structure() {
        return new Structure(Finess.of("750000001"), null, "EHPAD Les Tilleuls",
                Code.of("SA17", "1.2.250.1.71.4.2.4", "EHPAD"), Code.of("ESSMS", "1.2.250.1.213.1.1.4.9", "ESSMS"));
    }

    public static DocumentMetadata metadata(String typeCode, Ins ins) {
        Professional author = new Professional(ProfessionalIdKind.STRUCTURE_INTERNAL, "750000001/IDE01", "MARTIN", "Claire", null, null);
        return DocumentMetadata.builder()
                .uniqueId("1.2.250.1.999.1." + Math.abs(typeCode.hashCode()))
                .title("Dossier de liaison d'urgence")
                .classCode(Code.of("11", "1.2.250.1.213.1.1.4.1", "Synthèse"))
                .typeCode(Code.of(typeCode, "2.16.840.1.113883.6.1", "Dossier de liaison d'urgence"))
                .formatCode(Code.of("urn:asip:ci-sis:dlu:2022", "1.2.250.1.213.1.1.4.2.282", "DLU"))
                .healthcareFacilityTypeCode(structure().facilityTypeCode())
                .practiceSettingCode(structure().practiceSettingCode())
                .confidentialityCodes(List.of(Code.of("N", "2.16.840.1.113883.5.25", "Normal")))
                .creationTime(Instant.parse("2026-11-20T10:15:00Z"))
                .patientId(ins)
                .author(new DocumentAuthor(author, structure(), null, null))
                .build();
    }

    public static byte[] cda(String code) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\""
                + code + "\" codeSystem=\"2.16.840.1.113883.6.1\"/><recordTarget><patientRole><id extension=\""
                + INS.matricule() + "\" root=\"" + INS.oid() + "\"/></patientRole></recordTarget></ClinicalDocument>").getBytes(StandardCharsets.UTF_8);
    }

    public static MailDocument dlu() {
        return MailDocument.of(cda("74207-2"), metadata("74207-2", INS));
    }

    public static MssanteMessage.Builder message() {
        return MssanteMessage.builder().to(RECIPIENT).person(qualified()).label("DOSSIER DE LIAISON D'URGENCE")
                .body("Bonjour,\r\nveuillez trouver ci-joint le DLU.").document(dlu());
    }

    public static ComposerSettings settings() {
        return new ComposerSettings("DEV935997", APP_MAILBOX, REPLY_TO, SOFTWARE, ComposerSettings.DEFAULT_CONTENT_TYPE,
                ComposerSettings.oidOf(SOFTWARE.installationId()), true);
    }
}
