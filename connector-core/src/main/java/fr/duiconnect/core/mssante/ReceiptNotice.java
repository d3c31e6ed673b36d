package fr.duiconnect.core.mssante;

/**
 * A DSN or MDN received for a message this connector sent, matched to it by its Message-ID.
 *
 * @param kind              DSN or MDN
 * @param originalMessageId the Message-ID of the message sent
 * @param recipient         the final recipient it concerns
 * @param success           delivered (DSN action delivered/relayed) or read/processed without error (MDN)
 * @param status            DSN status (e.g. 5.1.1) or MDN disposition (e.g. {@code automatic-action/MDN-sent-automatically; processed/Error: 902})
 * @param detail            diagnostic text or error label
 */
public record ReceiptNotice(ReceiptKind kind, String originalMessageId, String recipient, boolean success,
                            String status, String detail) {
}
