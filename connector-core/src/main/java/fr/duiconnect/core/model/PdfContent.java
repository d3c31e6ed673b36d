package fr.duiconnect.core.model;

/**
 * The content check every PDF the connector sends goes through (a DLU attachment, a liaison letter, an MSSanté
 * rendition): its type is judged by its bytes, whatever the file was called.
 */
public final class PdfContent {

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
