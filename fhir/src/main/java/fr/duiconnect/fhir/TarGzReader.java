package fr.duiconnect.fhir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a FHIR NPM package ({@code package.tgz}) into memory, without extracting anything
 * to disk. Bounded: names with {@code ..} or an absolute path are refused, and entry and total sizes are capped,
 * so that a damaged or hostile archive cannot exhaust memory (gzip bomb).
 */
final class TarGzReader {

    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    private TarGzReader() {
    }

    /** The files whose name the filter accepts, name to content, in archive order. */
    static Map<String, byte[]> read(Path archive, Predicate<String> wanted) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 64 * 1024)) {
            byte[] header = new byte[512];
            while (readFully(in, header)) {
                if (isZeroBlock(header)) {
                    break;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                if (size < 0 || size > MAX_ENTRY_BYTES) {
                    throw new IOException("archive entry " + name + " is larger than " + MAX_ENTRY_BYTES + " bytes");
                }
                total += size;
                if (total > MAX_TOTAL_BYTES) {
                    throw new IOException("archive expands beyond " + MAX_TOTAL_BYTES + " bytes");
                }
                if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                    throw new IOException("archive entry name " + name + " escapes the package");
                }
                boolean regular = type == '0' || type == 0;
                byte[] content = readBytes(in, size);
                skip(in, (512 - size % 512) % 512);
                if (regular && wanted.test(name)) {
                    files.put(name, content);
                }
            }
        }
        return files;
    }

    private static byte[] readBytes(InputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("archive truncated");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        return out.toByteArray();
    }

    private static void skip(InputStream in, long count) throws IOException {
        readBytes(in, count);
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int read = 0;
        while (read < block.length) {
            int n = in.read(block, read, block.length - read);
            if (n < 0) {
                if (read == 0) {
                    return false;
                }
                throw new IOException("archive truncated in a header");
            }
            read += n;
        }
        return true;
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8).trim();
    }

    private static long octal(byte[] block, int offset, int length) throws IOException {
        String digits = text(block, offset, length);
        if (digits.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new IOException("archive header has a bad size field");
        }
    }
}
