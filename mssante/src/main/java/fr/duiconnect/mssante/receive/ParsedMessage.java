package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.core.mssante.ReceiptNotice;
import fr.duiconnect.core.mssante.SignatureStatus;

import java.util.List;

/** What a received message turned out to be: a health mail, or receipts (DSN/MDN) for messages sent. */
public sealed interface ParsedMessage {

    record Mail(InboundMail mail) implements ParsedMessage {
    }

    /**
     * @param from      the report's sender (From), what {@link ReceiptPolicy} judges
     * @param signature the S/MIME signature of the report, checked against its sender
     */
    record Receipts(String messageId, List<ReceiptNotice> notices, String from, SignatureStatus signature) implements ParsedMessage {
    }
}
