package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.mssante.ReceiptNotice;
import fr.duiconnect.core.mssante.SignatureStatus;
import fr.duiconnect.mssante.MssanteErrorCode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a DSN or MDN proves itself enough to change the state of a message sent (#19 point 3): anyone can write
 * a report naming a Message-ID, so it is believed only from the recipient's domain or its configured operator, with
 * a verified S/MIME signature where that sender is configured as signing, and only about a recipient the message
 * was really sent to. A report that fails is suspicious: it is recorded, and changes nothing.
 */
public final class ReceiptProof {

    private final ReceiptPolicy policy;

    public ReceiptProof(ReceiptPolicy policy) {
        this.policy = policy;
    }

    /**
     * Why the notice must not be believed, or empty when it may settle the message.
     *
     * @param sentMessage the message sent under the notice's Message-ID (its journaled bytes), if this connector sent one
     */
    public Optional<DuiConnectException> doubt(ParsedMessage.Receipts report, ReceiptNotice notice, Optional<byte[]> sentMessage) {
        String about = notice.kind() + " " + report.messageId() + " from " + report.from() + " about " + notice.originalMessageId();
        if (notice.recipient() == null || !policy.mayReportFor(report.from(), notice.recipient())) {
            return Optional.of(new DuiConnectException(MssanteErrorCode.RECEIPT_SENDER, "receipt.from", about
                    + ": its sender is neither the recipient's domain nor an operator configured for " + notice.recipient()));
        }
        if (policy.mustBeSigned(report.from()) && report.signature() != SignatureStatus.VERIFIED) {
            return Optional.of(new DuiConnectException(MssanteErrorCode.RECEIPT_SIGNATURE, "receipt.signature", about
                    + ": its sender signs its receipts, and this one's signature is " + report.signature()));
        }
        if (sentMessage.isEmpty() || !recipients(sentMessage.get()).contains(notice.recipient().toLowerCase(Locale.ROOT))) {
            return Optional.of(new DuiConnectException(MssanteErrorCode.RECEIPT_NOT_SENT, "receipt.originalMessageId", about
                    + ": no message with that Message-ID was sent to " + notice.recipient()));
        }
        return Optional.empty();
    }

    /** The To and Cc addresses of a message sent, in lower case (its headers only are read). */
    static List<String> recipients(byte[] message) {
        List<String> result = new ArrayList<>();
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(message));
            for (String name : List.of("To", "Cc")) {
                String value = headers.getHeader(name, ",");
                if (value != null) {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        result.add(address.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (AddressException e) {
            return List.of();
        } catch (MessagingException e) {
            return List.of();
        }
        return result;
    }
}
