package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Require;

/**
 * One line of the DLU's attached-documents checklist: whether the document goes with the DLU and, when the DUI
 * holds it, its PDF, embedded in the CDA (entry FR-Document-attache with an observationMedia, base64). Embed at
 * least one: the DLU volet accepts a checklist without any, but the kit's CI-SIS content-model profile
 * ({@code CI-SIS_Modeles_ANS}) requires one FR-Document-attache entry, and only embedded documents make one.
 *
 * @param pdf may be null (a paper copy goes with the resident, or the document is not attached)
 */
public record AttachedDocument(ChecklistItem item, boolean attached, byte[] pdf) {

    public AttachedDocument {
        Require.present(item, "attachedDocument.item");
        pdf = pdf == null ? null : pdf.clone();
    }

    public static AttachedDocument notAttached(ChecklistItem item) {
        return new AttachedDocument(item, false, null);
    }

    public static AttachedDocument onPaper(ChecklistItem item) {
        return new AttachedDocument(item, true, null);
    }

    public static AttachedDocument pdf(ChecklistItem item, byte[] pdf) {
        return new AttachedDocument(item, true, Require.present(pdf, "attachedDocument.pdf"));
    }

    @Override
    public byte[] pdf() {
        return pdf == null ? null : pdf.clone();
    }

    public boolean hasPdf() {
        return pdf != null;
    }
}
