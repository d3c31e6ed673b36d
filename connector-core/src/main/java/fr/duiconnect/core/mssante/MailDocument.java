package fr.duiconnect.core.mssante;

import fr.duiconnect.core.model.PdfContent;
import fr.duiconnect.core.model.Require;
import fr.duiconnect.core.xds.DocumentMetadata;

/**
 * A document to send in the IHE_XDM archive: the CDA R2 (N1 or N3) and its XDS metadata, and optionally the same
 * document as PDF/A-1 (ECO.2.1.1), attached next to the archive.
 *
 * @param cda         the ClinicalDocument bytes
 * @param metadata    its document entry; {@code typeCode} is the CDA {@code ClinicalDocument/code} (X-MSS-CODECDA)
 * @param pdf         the PDF rendition, may be null
 * @param pdfFileName name of the PDF attachment, may be null (then derived from ECO.2.1.6)
 */
public record MailDocument(byte[] cda, DocumentMetadata metadata, byte[] pdf, String pdfFileName) {

    public MailDocument {
        Require.present(cda, "document.cda");
        Require.present(metadata, "document.metadata");
        if (cda.length == 0) {
            throw fr.duiconnect.core.error.InvalidInputException.required("document.cda");
        }
        if (pdf != null && !PdfContent.hasPdfHeader(pdf)) {
            // The rendition is sent as application/pdf: its type is checked by content, whatever the file was called.
            throw fr.duiconnect.core.error.InvalidInputException.format("document.pdf", "a PDF document (starting with %PDF-)");
        }
    }

    public static MailDocument of(byte[] cda, DocumentMetadata metadata) {
        return new MailDocument(cda, metadata, null, null);
    }

    public MailDocument withPdf(byte[] rendition, String fileName) {
        return new MailDocument(cda, metadata, rendition, fileName);
    }
}
