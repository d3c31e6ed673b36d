package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
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
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.xds.DocumentAuthor;
import fr.duiconnect.core.xds.DocumentMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The message the MSSanté benchmarks send: a qualified resident's DLU (about 20 KB) with a 50 KB PDF rendition. */
public final class BenchMessages {

    public static final String NUMBER = "2400275123456";
    public static final Ins INS = Ins.of(NUMBER, Ins.computeKey(NUMBER), InsKind.NIR_TEST);

    private BenchMessages() {
    }

    public static PersonIdentity resident() {
        return new PersonIdentity("IPP-BENCH", new IdentityTraits("MARTIN", List.of("Louise", "Anne"), null, null, Sex.F,
                LocalDate.of(1940, 2, 7), null), INS, IdentityStatus.QUAL, Set.of());
    }

    public static byte[] cda(int index) {
        return cda(index, INS);
    }

    /**
     * The same DLU whose recordTarget names the given INS, or only a local identifier when {@code ins} is null (what a
     * hostile or sloppy sender may put in a CDA whatever METADATA.XML says).
     */
    public static byte[] cda(int index, Ins ins) {
        String patientId = ins == null ? "<id extension=\"IPP-BENCH\" root=\"1.2.250.1.999.9\"/>"
                : "<id extension=\"" + ins.matricule() + "\" root=\"" + ins.oid() + "\"/>";
        StringBuilder narrative = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            narrative.append("<paragraph>Observation ").append(i).append(" : résidente stable, constantes normales.</paragraph>");
        }
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<id root=\"1.2.250.1.999.7." + index + "\"/><code code=\"74207-2\" codeSystem=\"2.16.840.1.113883.6.1\"/>"
                + "<title>DOSSIER DE LIAISON D'URGENCE</title>"
                + "<recordTarget><patientRole>" + patientId + "</patientRole></recordTarget><component><structuredBody><component><section><text>"
                + narrative + "</text></section></component></structuredBody></component></ClinicalDocument>")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf() {
        byte[] bytes = new byte[50 * 1024];
        new Random(42).nextBytes(bytes);
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    public static DocumentMetadata metadata(int index, String finess) {
        Structure structure = new Structure(Finess.of(finess), null, "EHPAD Les Tilleuls",
                Code.of("SA17", "1.2.250.1.71.4.2.4", "EHPAD"), Code.of("ESSMS", "1.2.250.1.213.1.1.4.9", "ESSMS"));
        Professional author = new Professional(ProfessionalIdKind.STRUCTURE_INTERNAL, finess + "/IDE01", "DUBOIS", "Claire", null, null);
        return DocumentMetadata.builder().uniqueId("1.2.250.1.999.7." + index).title("Dossier de liaison d'urgence")
                .classCode(Code.of("11", "1.2.250.1.213.1.1.4.1", "Synthèse"))
                .typeCode(Code.of("74207-2", "2.16.840.1.113883.6.1", "Dossier de liaison d'urgence"))
                .formatCode(Code.of("urn:ihe:iti:xds-sd:text:2008", "1.3.6.1.4.1.19376.1.2.3", "Document à corps non structuré"))
                .healthcareFacilityTypeCode(structure.facilityTypeCode()).practiceSettingCode(structure.practiceSettingCode())
                .confidentialityCodes(List.of(Code.of("N", "2.16.840.1.113883.5.25", "Normal")))
                .creationTime(Instant.parse("2026-11-20T10:00:00Z")).patientId(INS)
                .author(new DocumentAuthor(author, structure, null, null)).build();
    }

    public static MssanteMessage message(int index, String finess, byte[] pdf) {
        return MssanteMessage.builder().to(MssanteOperatorSimulator.HOSPITAL_DOCTOR).person(resident())
                .label("DOSSIER DE LIAISON D'URGENCE").body("Bonjour,\r\nveuillez trouver ci-joint le DLU de Mme MARTIN.")
                .document(MailDocument.of(cda(index), metadata(index, finess)).withPdf(pdf, null)).build();
    }
}
