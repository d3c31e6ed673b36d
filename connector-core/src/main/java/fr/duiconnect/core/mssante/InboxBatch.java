package fr.duiconnect.core.mssante;

import java.util.List;

/**
 * What one look at the mailbox found: new messages, and the receipts matched to messages sent (their journal state
 * already moved), and messages that could not be decoded (kept in the mailbox, reported by Message-ID and reason).
 */
public record InboxBatch(List<InboundMail> messages, List<ReceiptNotice> receipts, List<Rejected> rejected) {

    public InboxBatch {
        messages = List.copyOf(messages);
        receipts = List.copyOf(receipts);
        rejected = List.copyOf(rejected);
    }

    public record Rejected(String messageId, String code, String reason) {
    }
}
