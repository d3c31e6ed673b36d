package fr.duiconnect.mssante.xdm;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.mssante.MssanteErrorCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XdmUnpackerTest {

    private static final byte[] METADATA = "<SubmitObjectsRequest/>".getBytes(StandardCharsets.UTF_8);
    private final XdmUnpacker unpacker = new XdmUnpacker(XdmLimits.DEFAULT);

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> valid() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("INDEX.HTM", "<html/>".getBytes(StandardCharsets.UTF_8));
        entries.put("README.TXT", "readme".getBytes(StandardCharsets.UTF_8));
        entries.put("IHE_XDM/SUBSET01/METADATA.XML", METADATA);
        entries.put("IHE_XDM/SUBSET01/DOC0001.XML", "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    private static void assertRefused(Runnable call, MssanteErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOf(DuiConnectException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(code));
    }

    @Test
    void packed_archive_reads_back_with_its_layout() {
        XdmPacker packer = new XdmPacker();
        byte[] zip = packer.packAndZip(new XdmPacker.Contents("a@b.mssante.fr", "MonDUI", "1", "Editeur", METADATA,
                Map.of("DOC0001.XML", "<x/>".getBytes(StandardCharsets.UTF_8)), Instant.parse("2026-01-01T00:00:00Z")));
        XdmArchive archive = unpacker.unpack(zip);
        assertThat(archive.metadataXml()).contains(METADATA);
        assertThat(archive.documentPaths()).containsExactly("IHE_XDM/SUBSET01/DOC0001.XML");
    }

    @Test
    void xdm_file_names_are_8_3_upper_case() {
        assertRefused(() -> new XdmPacker().pack(new XdmPacker.Contents("a@b.fr", "s", "1", null, METADATA,
                Map.of("document.xml", new byte[1]), Instant.now())), MssanteErrorCode.XDM_LAYOUT);
    }

    @Test
    void path_traversal_with_dot_dot_is_refused() throws IOException {
        Map<String, byte[]> entries = valid();
        entries.put("IHE_XDM/SUBSET01/../../../etc/cron.d/evil", new byte[] {1});
        assertRefused(() -> unpacker.unpack(uncheckedZip(entries)), MssanteErrorCode.XDM_PATH);
    }

    @Test
    void absolute_and_backslash_and_drive_paths_are_refused() throws IOException {
        for (String name : new String[] {"/etc/passwd", "IHE_XDM\\..\\x", "C:/Windows/x", "IHE_XDM//x", "./x"}) {
            Map<String, byte[]> entries = valid();
            entries.put(name, new byte[] {1});
            assertRefused(() -> unpacker.unpack(uncheckedZip(entries)), MssanteErrorCode.XDM_PATH);
        }
    }

    @Test
    void too_many_entries_are_refused() throws IOException {
        Map<String, byte[]> entries = valid();
        for (int i = 0; i < 10; i++) {
            entries.put("IHE_XDM/SUBSET01/DOC" + i + ".XML", new byte[] {1});
        }
        assertRefused(() -> new XdmUnpacker(new XdmLimits(8, 1_000_000, 1_000_000, 100)).unpack(uncheckedZip(entries)),
                MssanteErrorCode.XDM_ENTRY_COUNT);
    }

    @Test
    void archive_expanding_beyond_the_total_size_is_refused() throws IOException {
        Map<String, byte[]> entries = valid();
        entries.put("IHE_XDM/SUBSET01/DOC0002.XML", random(300_000));
        assertRefused(() -> new XdmUnpacker(new XdmLimits(100, 200_000, 1_000_000, 1000)).unpack(uncheckedZip(entries)),
                MssanteErrorCode.XDM_SIZE);
    }

    @Test
    void zip_bomb_expansion_ratio_is_refused_before_it_is_inflated() throws IOException {
        Map<String, byte[]> entries = valid();
        entries.put("IHE_XDM/SUBSET01/DOC0002.XML", new byte[20 * 1024 * 1024]);
        byte[] bomb = uncheckedZip(entries);
        assertThat(bomb.length).isLessThan(100_000);
        assertRefused(() -> unpacker.unpack(bomb), MssanteErrorCode.XDM_RATIO);
    }

    @Test
    void something_that_is_not_a_zip_is_refused() {
        assertRefused(() -> unpacker.unpack("not a zip".getBytes(StandardCharsets.UTF_8)), MssanteErrorCode.XDM_NOT_ZIP);
    }

    @Test
    void archive_without_metadata_xml_is_refused() throws IOException {
        Map<String, byte[]> entries = valid();
        entries.remove("IHE_XDM/SUBSET01/METADATA.XML");
        assertRefused(() -> unpacker.unpack(uncheckedZip(entries)), MssanteErrorCode.XDM_LAYOUT);
    }

    @Test
    void duplicate_entries_are_refused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // ZipOutputStream refuses duplicates, so write two archives' worth by hand through distinct names then patch.
        Map<String, byte[]> entries = valid();
        entries.put("IHE_XDM/SUBSET01/DOC0001.XMX", "<y/>".getBytes(StandardCharsets.UTF_8));
        byte[] zip = uncheckedZip(entries);
        String text = new String(zip, StandardCharsets.ISO_8859_1).replace("DOC0001.XMX", "DOC0001.XML");
        bytes.write(text.getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(() -> unpacker.unpack(bytes.toByteArray()), MssanteErrorCode.XDM_PATH);
    }

    private static byte[] uncheckedZip(Map<String, byte[]> entries) {
        try {
            return zip(entries);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }
}
