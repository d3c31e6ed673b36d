package fr.duiconnect.mssante.xdm;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.mssante.MssanteErrorCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an {@code IHE_XDM.ZIP} (IHE ITI TF-1 §16, XDM "ZIP over e-mail" option): {@code INDEX.HTM},
 * {@code README.TXT}, then {@code IHE_XDM/SUBSET01/METADATA.XML} and the documents. File names follow ISO 9660
 * level 1 (8.3, upper case, {@code [A-Z0-9_]}), as XDM media require and the French implementations use.
 */
public final class XdmPacker {

    private static final String NAME_8_3 = "[A-Z0-9_]{1,8}\\.[A-Z0-9_]{1,3}";

    /** The 8.3 name of the n-th document (1-based): {@code DOC0001.XML}. */
    public static String documentFileName(int index, String extension) {
        return String.format("DOC%04d.%s", index, extension);
    }

    /**
     * @param senderAddress   mailbox that sends it, named in README.TXT
     * @param softwareName    the LPS, named in README.TXT
     * @param softwareVersion its version
     * @param vendor          the editor, may be null
     * @param metadataXml     the SubmitObjectsRequest describing the documents (their URI slots name the files)
     * @param documents       file name (8.3) to bytes, in order
     */
    public record Contents(String senderAddress, String softwareName, String softwareVersion, String vendor,
                           byte[] metadataXml, Map<String, byte[]> documents, Instant createdAt) {
        public Contents {
            documents = new LinkedHashMap<>(documents);
        }
    }

    public XdmArchive pack(Contents contents) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(XdmArchive.INDEX, index(contents).getBytes(StandardCharsets.UTF_8));
        entries.put(XdmArchive.README, readme(contents).getBytes(StandardCharsets.UTF_8));
        entries.put(XdmArchive.METADATA, contents.metadataXml());
        contents.documents().forEach((name, bytes) -> {
            if (!name.matches(NAME_8_3) || name.equals("METADATA.XML")) {
                throw new InvalidInputException(MssanteErrorCode.XDM_LAYOUT, "document.fileName",
                        "an XDM file name is 8.3 upper case [A-Z0-9_] and not METADATA.XML");
            }
            entries.put(XdmArchive.SUBSET + name, bytes);
        });
        return new XdmArchive(entries);
    }

    /** The archive as ZIP bytes. */
    public byte[] zip(XdmArchive archive, Instant createdAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            // Directory entries first, as XDM media readers list the tree.
            for (String directory : new String[] {"IHE_XDM/", XdmArchive.SUBSET}) {
                ZipEntry entry = new ZipEntry(directory);
                entry.setLastModifiedTime(FileTime.from(createdAt));
                zip.putNextEntry(entry);
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> file : archive.entries().entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setLastModifiedTime(FileTime.from(createdAt));
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public byte[] packAndZip(Contents contents) {
        return zip(pack(contents), contents.createdAt());
    }

    private static String index(Contents contents) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>IHE_XDM</title></head><body>\n")
                .append("<h1>Documents de santé (IHE XDM)</h1>\n<p>Émetteur : ").append(escape(contents.senderAddress()))
                .append("</p>\n<ul>\n<li><a href=\"README.TXT\">README.TXT</a></li>\n")
                .append("<li><a href=\"IHE_XDM/SUBSET01/METADATA.XML\">IHE_XDM/SUBSET01/METADATA.XML</a></li>\n");
        for (String name : contents.documents().keySet()) {
            html.append("<li><a href=\"IHE_XDM/SUBSET01/").append(name).append("\">IHE_XDM/SUBSET01/").append(name).append("</a></li>\n");
        }
        return html.append("</ul>\n</body></html>\n").toString();
    }

    private static String readme(Contents contents) {
        StringBuilder text = new StringBuilder()
                .append("Archive IHE_XDM (IHE ITI XDM, option ZIP over e-mail)\r\n")
                .append("Emetteur : ").append(contents.senderAddress()).append("\r\n")
                .append("Logiciel : ").append(contents.softwareName()).append(' ').append(contents.softwareVersion()).append("\r\n");
        if (contents.vendor() != null) {
            text.append("Editeur : ").append(contents.vendor()).append("\r\n");
        }
        text.append("Date : ").append(contents.createdAt()).append("\r\n\r\nContenu :\r\n")
                .append("INDEX.HTM\r\nREADME.TXT\r\nIHE_XDM/\r\n  SUBSET01/\r\n    METADATA.XML\r\n");
        contents.documents().keySet().forEach(name -> text.append("    ").append(name).append("\r\n"));
        return text.toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
