package fr.duiconnect.core.mssante;

import fr.duiconnect.core.operation.OperationReceipt;

import java.util.function.Consumer;

/**
 * Client of the MSSANTE service socle: secure health mail composed with IHE XDM (optionally S/MIME signed and
 * encrypted on top of the mandatory TLS), sent by SMTP submission, received by IMAP, with delivery (DSN) and read
 * (MDN) receipts. Implemented by the {@code dui-connect-mssante} module; obtained from
 * {@code DuiConnector.mssante()}. Thread-safe.
 */
public interface MssanteClient {

    /**
     * Composes the message (checks every MSSanté rule first) and journals it; it is submitted asynchronously and
     * retried on temporary SMTP failures. The operation becomes SENT with the Message-ID as remote reference, then
     * ACKED or FAILED when the DSN/MDN comes back. Idempotent per Message-ID.
     */
    OperationReceipt send(MssanteMessage message);

    /** Composes and checks the message, S/MIME applied, without sending it. */
    PreparedMail prepare(MssanteMessage message);

    /**
     * Journals a prepared message for submission. Its headers are checked again (Message-ID, X-MSS-NIL), so that a
     * message altered after {@link #prepare} is refused.
     */
    OperationReceipt send(PreparedMail mail);

    /**
     * Reads the mailbox now: decodes new messages, matches receipts to sent messages (moving their journal state),
     * returns MDNs when asked if so configured, and marks what it read as seen.
     */
    InboxBatch fetchInbox();

    /** Called by the connector's polling route for each new message (in addition to {@link #fetchInbox}). */
    void onMessage(Consumer<InboundMail> handler);

    /**
     * Returns a read receipt (MDN) for a received message, with the integration result (codes 900 to 906); journaled
     * and submitted like a message (kind {@code mssante.mdn}).
     */
    OperationReceipt sendReadReceipt(InboundMail mail, IntegrationResult result);
}
