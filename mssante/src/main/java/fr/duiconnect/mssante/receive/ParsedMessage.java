package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.core.mssante.ReceiptNotice;

import java.util.List;

/** What a received message turned out to be: a health mail, or receipts (DSN/MDN) for messages sent. */
public sealed interface ParsedMessage {

    record Mail(InboundMail mail) implements ParsedMessage {
    }

    record Receipts(String messageId, List<ReceiptNotice> notices) implements ParsedMessage {
    }
}
