package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.BmrStatus;
import fr.duiconnect.core.dmp.content.PatientObservation;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.dmp.cda.CdaValidatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON form of a resident: the published sample reads and makes a valid DLU; refusals name the JSON path. */
class ResidentJsonTest {

    /** The sample shipped with the command line (test-harness), the format's reference. */
    static final Path SAMPLE = Path.of("../test-harness/src/main/resources/samples/resident-example.json");

    private static String sample() throws Exception {
        return Files.readString(SAMPLE, StandardCharsets.UTF_8);
    }

    private static ResidentRecord read(String json, Path dir) {
        return ResidentJson.read(json.getBytes(StandardCharsets.UTF_8), dir);
    }

    @Test
    void theSampleReadsIntoARecordWhoseDluIsValid() {
        ResidentRecord resident = ResidentJson.read(SAMPLE);
        assertThat(resident.person().isQualified()).isTrue();
        assertThat(resident.treatments()).hasSize(2);
        assertThat(resident.bmr()).isEqualTo(BmrStatus.NOT_CARRIER);
        assertThat(resident.observations()).containsEntry(PatientObservation.CHUTE, true);
        byte[] dlu = new CdaDocumentWriter(DluDocumentTest.CLOCK).dlu(resident, null).xml();
        assertThat(CdaValidatorTest.shared().validate(dlu).findings()).isEmpty();
    }

    @Test
    void aMalformedDateIsRefusedWithItsPath(@TempDir Path dir) throws Exception {
        String json = sample().replace("\"2024-01-10\"", "\"10/01/2024\"");
        assertThatThrownBy(() -> read(json, dir)).isInstanceOf(DuiConnectException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).field()).contains("treatments[0].start"));
    }

    @Test
    void anUnknownObservationIsRefusedNamingTheAllowedOnes(@TempDir Path dir) throws Exception {
        String json = sample().replace("\"CHUTE\"", "\"TOMBE\"");
        assertThatThrownBy(() -> read(json, dir)).hasMessageContaining("observations.TOMBE").hasMessageContaining("RISQUE_ESCARRE");
    }

    @Test
    void aRecordFieldRefusalGetsTheJsonPathInFront(@TempDir Path dir) throws Exception {
        String json = sample().replace("\"75005\"", "\"7505\"");
        assertThatThrownBy(() -> read(json, dir)).isInstanceOf(DuiConnectException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).field()).contains("attendingPhysician.address.postalCode"));
    }

    @Test
    void anAttachedPdfIsReadFromBesideTheJson(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("carte-vitale.pdf"), Residents.pdf("carte vitale"));
        String json = sample().replace("{\n      \"item\": \"GRILLE_AGGIR\",", "{\"item\": \"CARTE_VITALE\", \"attached\": true, \"pdf\": \"carte-vitale.pdf\"},\n    {\n      \"item\": \"GRILLE_AGGIR\",");
        ResidentRecord resident = read(json, dir);
        assertThat(resident.attachedDocuments()).anySatisfy(d -> assertThat(d.pdf()).isEqualTo(Residents.pdf("carte vitale")));
    }

    @Test
    void anAttachedPdfOutsideTheJsonFolderIsRefused(@TempDir Path dir) throws Exception {
        String json = sample().replace("\"item\": \"GRILLE_AGGIR\",", "\"item\": \"GRILLE_AGGIR\", \"pdf\": \"../../etc/passwd\",");
        assertThatThrownBy(() -> read(json, dir)).hasMessageContaining("attachedDocuments[1].pdf").hasMessageContaining("leaves it");
    }

    @Test
    void anAttachedPdfReachedThroughALinkLeavingTheFolderIsRefused(@TempDir Path dir) throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.write(outside.resolve("secret.pdf"), Residents.pdf("another resident"));
        Path folder = Files.createDirectories(dir.resolve("resident"));
        Files.createSymbolicLink(folder.resolve("aggir.pdf"), outside.resolve("secret.pdf"));
        String json = sample().replace("\"item\": \"GRILLE_AGGIR\",", "\"item\": \"GRILLE_AGGIR\", \"pdf\": \"aggir.pdf\",");

        assertThatThrownBy(() -> read(json, folder)).hasMessageContaining("attachedDocuments[1].pdf")
                .hasMessageContaining("link leading out of it");
    }

    @Test
    void aOneGigabytePdfIsRefusedBySizeBeforeBeingRead(@TempDir Path dir) throws Exception {
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(dir.resolve("huge.pdf").toFile(), "rw")) {
            huge.write("%PDF-1.7\n".getBytes());
            huge.setLength(1L << 30);   // sparse: a gigabyte on paper, nothing on disk
        }
        String json = sample().replace("\"item\": \"GRILLE_AGGIR\",", "\"item\": \"GRILLE_AGGIR\", \"pdf\": \"huge.pdf\",");

        assertThatThrownBy(() -> read(json, dir)).hasMessageContaining("attachedDocuments[1].pdf").hasMessageContaining("at most 10485760 bytes");
    }

    @Test
    void aFileNamedPdfThatIsNotAPdfIsRefusedByItsContent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("passwd.pdf"), "root:x:0:0:root:/root:/bin/bash\n");
        String json = sample().replace("\"item\": \"GRILLE_AGGIR\",", "\"item\": \"GRILLE_AGGIR\", \"pdf\": \"passwd.pdf\",");

        assertThatThrownBy(() -> read(json, dir)).hasMessageContaining("does not start with %PDF-");
    }

    @Test
    void notJsonIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> read("<resident/>", dir)).isInstanceOf(DuiConnectException.class).hasMessageContaining("well-formed JSON");
    }
}
