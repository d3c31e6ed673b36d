package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.mssante.InboundDocument;
import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.core.mssante.ReceiptKind;
import fr.duiconnect.core.mssante.ReceiptNotice;
import fr.duiconnect.core.mssante.SignatureStatus;
import fr.duiconnect.mssante.MssanteErrorCode;
import fr.duiconnect.mssante.compose.MssHeaders;
import fr.duiconnect.mssante.compose.SubjectLine;
import fr.duiconnect.mssante.smime.SmimeCredentials;
import fr.duiconnect.mssante.smime.SmimeLayer;
import fr.duiconnect.mssante.smime.UnwrappedContent;
import fr.duiconnect.mssante.xdm.XdmArchive;
import fr.duiconnect.mssante.xdm.XdmUnpacker;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a received message: a DSN or MDN becomes receipts for the message sent; anything else is a health mail
 * whose S/MIME layers are taken off, whose IHE_XDM archive is opened within its limits, and whose person is the
 * {@code patientId} of METADATA.XML (ECO.2.1.2).
 */
public final class InboundParser {

    private final Session session = Session.getInstance(new java.util.Properties());
    private final SmimeLayer smime;
    private final SmimeCredentials key;
    private final XdmUnpacker unpacker;
    private final MetadataXmlReader metadata;
    private final XdmIntegrity integrity = new XdmIntegrity();

    public InboundParser(SmimeLayer smime, SmimeCredentials key, XdmUnpacker unpacker, MetadataXmlReader metadata) {
        this.smime = smime;
        this.key = key;
        this.unpacker = unpacker;
        this.metadata = metadata;
    }

    public ParsedMessage parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            String from = first(message.getFrom());
            // A report may come signed (operators that sign their receipts): its S/MIME layer is taken off first.
            UnwrappedContent unwrapped = Reports.reportType(message) != null
                    ? new UnwrappedContent(message, SignatureStatus.UNSIGNED, null, false, null)
                    : smime.unwrap(message, key).checkedAgainstSender(from);
            String reportType = Reports.reportType(unwrapped.content());
            if (Reports.DELIVERY_STATUS.equals(reportType)) {
                return new ParsedMessage.Receipts(message.getMessageID(), deliveryStatus(unwrapped.content()), from, unwrapped.signature());
            }
            if (Reports.DISPOSITION_NOTIFICATION.equals(reportType)) {
                return new ParsedMessage.Receipts(message.getMessageID(), disposition(unwrapped.content()), from, unwrapped.signature());
            }
            return new ParsedMessage.Mail(mail(message, raw, unwrapped));
        } catch (MessagingException | IOException e) {
            throw new InvalidInputException(MssanteErrorCode.MESSAGE_MALFORMED, "message", "cannot be read: " + e.getMessage());
        } catch (DuiConnectException e) {
            throw e;
        } catch (RuntimeException e) {
            // A hostile or truncated message can make the MIME and S/MIME libraries fail in ways they do not declare (an
            // index out of bounds on a one-part multipart/signed, a cast of a body that is not the multipart its type
            // says). It is this message's refusal, never the mailbox's: the pass goes on with the next message.
            throw new InvalidInputException(MssanteErrorCode.MESSAGE_MALFORMED, "message",
                    "cannot be read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private InboundMail mail(MimeMessage message, byte[] raw, UnwrappedContent unwrapped) throws MessagingException, IOException {
        Walk walk = new Walk();
        walk.visit(unwrapped.content());
        Ins person = null;
        List<InboundDocument> documents = new ArrayList<>();
        if (walk.xdm != null) {
            XdmArchive archive = unpacker.unpack(walk.xdm);
            MetadataXmlReader.Content content = metadata.read(archive.metadataXml().orElseThrow());
            // Checked before anything is handed over: one person everywhere, every listed document intact, and only
            // the listed documents (#19 point 4).
            documents = integrity.documents(archive, content, header(message, MssHeaders.INS));
            person = content.patient();
        }
        String from = first(message.getFrom());
        String subject = message.getSubject();
        List<String> codes = new ArrayList<>();
        String[] codeHeaders = message.getHeader(MssHeaders.CODE_CDA);
        if (codeHeaders != null) {
            for (String header : codeHeaders) {
                Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(codes::add);
            }
        }
        String readReceiptTo = header(message, MssHeaders.DISPOSITION_NOTIFICATION_TO);
        if (readReceiptTo != null) {
            InternetAddress[] parsed = InternetAddress.parseHeader(readReceiptTo, false);
            readReceiptTo = parsed.length == 0 ? null : parsed[0].getAddress();
        }
        Instant sentAt = message.getSentDate() == null ? null : message.getSentDate().toInstant();
        return new InboundMail(message.getMessageID(), from,
                from != null && from.toLowerCase(Locale.ROOT).endsWith("@" + MssHeaders.PATIENT_DOMAIN),
                SubjectLine.forDisplay(subject), subject, sentAt, person, codes, header(message, MssHeaders.INS),
                walk.body, documents, walk.attachments, unwrapped.signature(), unwrapped.signer(), unwrapped.encrypted(),
                readReceiptTo, raw);
    }

    private List<ReceiptNotice> deliveryStatus(Part message) throws MessagingException, IOException {
        Multipart parts = (Multipart) message.getContent();
        String original = originalMessageId(parts);
        List<ReceiptNotice> notices = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (!part.isMimeType("message/delivery-status")) {
                continue;
            }
            List<Map<String, String>> blocks = Reports.fieldBlocks(part);
            for (Map<String, String> block : blocks.subList(Math.min(1, blocks.size()), blocks.size())) {
                String action = block.getOrDefault("action", "").toLowerCase(Locale.ROOT);
                if (action.equals("delayed")) {
                    continue;
                }
                boolean success = action.equals("delivered") || action.equals("relayed") || action.equals("expanded");
                notices.add(new ReceiptNotice(ReceiptKind.DSN, original, Reports.address(block.get("final-recipient")), success,
                        block.getOrDefault("status", ""), block.getOrDefault("diagnostic-code", action)));
            }
        }
        return notices;
    }

    private List<ReceiptNotice> disposition(Part message) throws MessagingException, IOException {
        Multipart parts = (Multipart) message.getContent();
        List<ReceiptNotice> notices = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (!part.isMimeType("message/disposition-notification")) {
                continue;
            }
            for (Map<String, String> block : Reports.fieldBlocks(part)) {
                String disposition = block.getOrDefault("disposition", "");
                String lower = disposition.toLowerCase(Locale.ROOT);
                String error = block.get("error");
                int slash = lower.indexOf("/error");
                if (error == null && slash >= 0) {
                    error = disposition.substring(disposition.indexOf(':', slash) + 1).strip();
                }
                boolean success = error == null && (lower.contains("processed") || lower.contains("displayed"))
                        && !lower.contains("deleted") && !lower.contains("failed");
                String original = block.get("original-message-id");
                if (original == null) {
                    original = originalMessageId(parts);
                }
                notices.add(new ReceiptNotice(ReceiptKind.MDN, original, Reports.address(block.get("final-recipient")), success,
                        disposition, error == null ? (lower.contains("displayed") ? "read" : "processed") : error));
            }
        }
        return notices;
    }

    private String originalMessageId(Multipart parts) throws MessagingException, IOException {
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
                try (InputStream in = part.getInputStream()) {
                    String[] ids = new InternetHeaders(in).getHeader("Message-ID");
                    if (ids != null && ids.length > 0) {
                        return ids[0].strip();
                    }
                }
            }
        }
        return null;
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, ",");
    }

    private static String first(Address[] addresses) {
        return addresses == null || addresses.length == 0 ? null : ((InternetAddress) addresses[0]).getAddress();
    }

    /** Collects the text body, the XDM archive and the other attachments of a MIME tree. */
    private static final class Walk {
        private String body = "";
        private byte[] xdm;
        private final List<InboundMail.Attachment> attachments = new ArrayList<>();
        private int depth;

        void visit(Part part) throws MessagingException, IOException {
            if (++depth > 20) {
                throw new InvalidInputException(MssanteErrorCode.MESSAGE_MALFORMED, "message", "MIME nesting deeper than 20 levels");
            }
            String fileName = part.getFileName();
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    visit(multipart.getBodyPart(i));
                }
            } else if (fileName != null && fileName.equalsIgnoreCase(MssHeaders.XDM_FILE_NAME)) {
                try (InputStream in = part.getInputStream()) {
                    xdm = in.readAllBytes();
                }
            } else if (fileName == null && part.isMimeType("text/plain") && body.isEmpty()) {
                body = String.valueOf(part.getContent());
            } else if (fileName != null || !part.isMimeType("text/*")) {
                try (InputStream in = part.getInputStream()) {
                    attachments.add(new InboundMail.Attachment(fileName, part.getContentType(), in.readAllBytes()));
                }
            }
            depth--;
        }
    }
}
