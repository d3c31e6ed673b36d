package fr.duiconnect.core.model;

import fr.duiconnect.core.error.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The content check every PDF the connector sends goes through (a DLU attachment, a liaison letter, an MSSanté
 * rendition): its type is judged by its bytes, whatever the file was called.
 */
public final class PdfContent {

    /**
     * Reads a PDF named relative to a folder (a resident's JSON file's folder): the file must stay inside the folder
     * once every link is resolved, be a regular file, have at most {@code maxBytes} (checked before reading, so a
     * 1 GB file costs nothing) and start with {@code %PDF-}. A refusal names {@code field}.
     */
    public static byte[] readInside(Path folder, String relative, long maxBytes, String field) {
        try {
            Path root = folder.toRealPath();
            Path named = root.resolve(relative).normalize();
            if (!named.startsWith(root)) {
                throw InvalidInputException.format(field, "a path inside the folder " + root.getFileName() + " (" + relative + " leaves it)");
            }
            if (!Files.exists(named, LinkOption.NOFOLLOW_LINKS)) {
                throw InvalidInputException.format(field, "an existing file (" + named.getFileName() + " is missing)");
            }
            if (!named.toRealPath().startsWith(root)) {
                throw InvalidInputException.format(field, "a file inside the folder (" + relative + " is a link leading out of it)");
            }
            return read(named.toRealPath(), maxBytes, field);
        } catch (IOException e) {
            throw InvalidInputException.format(field, "a readable file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads a PDF file given as it is (no link followed): regular file, size checked before reading, {@code %PDF-}. */
    public static byte[] read(Path file, long maxBytes, String field) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw InvalidInputException.format(field, "a regular PDF file (not a link, a folder or a device)");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw InvalidInputException.format(field, "a PDF of at most " + maxBytes + " bytes (" + size + " given)");
            }
            byte[] content = Files.readAllBytes(file);
            if (content.length > maxBytes) {   // grew while being read
                throw InvalidInputException.format(field, "a PDF of at most " + maxBytes + " bytes");
            }
            if (!hasPdfHeader(content)) {
                throw InvalidInputException.format(field, "a PDF (its content does not start with %PDF-)");
            }
            return content;
        } catch (IOException e) {
            throw InvalidInputException.format(field, "a readable file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static final byte[] HEADER = {'%', 'P', 'D', 'F', '-'};

    private PdfContent() {
    }

    /** Whether the bytes start with the PDF header {@code %PDF-}. */
    public static boolean hasPdfHeader(byte[] content) {
        if (content == null || content.length < HEADER.length) {
            return false;
        }
        for (int i = 0; i < HEADER.length; i++) {
            if (content[i] != HEADER[i]) {
                return false;
            }
        }
        return true;
    }
}
