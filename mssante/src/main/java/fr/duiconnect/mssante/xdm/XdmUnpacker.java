package fr.duiconnect.mssante.xdm;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.mssante.MssanteErrorCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens a received IHE_XDM archive in memory, refusing hostile ones before they cost anything: entry names that
 * leave the archive (path traversal), too many entries, too many bytes once expanded, or an expansion ratio typical
 * of a zip bomb. Sizes are counted on the bytes actually inflated, never taken from the (forgeable) headers, and
 * the reading stops at the first limit crossed.
 */
public final class XdmUnpacker {

    private final XdmLimits limits;

    public XdmUnpacker(XdmLimits limits) {
        this.limits = limits;
    }

    public XdmArchive unpack(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        int count = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                count++;
                if (count > limits.maxEntries()) {
                    throw refused(MssanteErrorCode.XDM_ENTRY_COUNT, "more than " + limits.maxEntries() + " entries");
                }
                String name = checkedName(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.containsKey(name)) {
                    throw refused(MssanteErrorCode.XDM_PATH, "the entry " + name + " appears twice");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                long entryBytes = 0;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    entryBytes += read;
                    total += read;
                    if (entryBytes > limits.maxEntryBytes()) {
                        throw refused(MssanteErrorCode.XDM_SIZE, "the entry " + name + " expands beyond " + limits.maxEntryBytes() + " bytes");
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw refused(MssanteErrorCode.XDM_SIZE, "the archive expands beyond " + limits.maxTotalBytes() + " bytes");
                    }
                    // Small archives legitimately compress text well: the ratio is judged once past 64 KiB.
                    if (total > 65_536 && total > (long) limits.maxRatio() * zip.length) {
                        throw refused(MssanteErrorCode.XDM_RATIO, "the archive expands more than " + limits.maxRatio()
                                + " times its size");
                    }
                    content.write(buffer, 0, read);
                }
                entries.put(name, content.toByteArray());
            }
        } catch (ZipException e) {
            throw refused(MssanteErrorCode.XDM_NOT_ZIP, "not a readable ZIP archive: " + e.getMessage());
        } catch (IOException e) {
            throw refused(MssanteErrorCode.XDM_NOT_ZIP, "the archive cannot be read: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw refused(MssanteErrorCode.XDM_NOT_ZIP, "the archive is empty or not a ZIP archive");
        }
        XdmArchive archive = new XdmArchive(entries);
        if (archive.metadataXml().isEmpty()) {
            throw refused(MssanteErrorCode.XDM_LAYOUT, "IHE_XDM/SUBSET01/METADATA.XML is missing");
        }
        return archive;
    }

    /** Accepts only plain relative paths: no absolute path, drive, backslash, '..' or '.' segment, control character. */
    static String checkedName(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw refused(MssanteErrorCode.XDM_PATH, "an entry has no name");
        }
        if (raw.startsWith("/") || raw.contains("\\") || raw.matches("^[A-Za-z]:.*") || raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw refused(MssanteErrorCode.XDM_PATH, "the entry name '" + printable(raw) + "' is not a relative archive path");
        }
        String path = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                throw refused(MssanteErrorCode.XDM_PATH, "the entry name '" + printable(raw) + "' leaves or escapes the archive");
            }
        }
        return raw;
    }

    private static String printable(String raw) {
        String cut = raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
        return cut.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    }

    private static InvalidInputException refused(MssanteErrorCode code, String message) {
        return new InvalidInputException(code, "IHE_XDM.ZIP", message);
    }
}
