package fr.duiconnect.harness.mssante.hostile;

import fr.duiconnect.core.mssante.IntegrationResult;
import fr.duiconnect.mssante.compose.MssHeaders;
import fr.duiconnect.mssante.receive.MdnBuilder;
import fr.duiconnect.mssante.receive.Reports;
import fr.duiconnect.mssante.xdm.XdmArchive;
import fr.duiconnect.mssante.xdm.XdmLimits;
import fr.duiconnect.mssante.xdm.XdmPacker;
import fr.duiconnect.mssante.xdm.XdmUnpacker;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.InternetHeaders;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile mail for tests (#19): forged delivery and read receipts, archives made wrong after they were described,
 * and messages too large to read. Each returns the raw RFC 5322 bytes to drop into a mailbox
 * ({@code MssanteOperatorSimulator.inject}); the archive ones start from a message a connector prepared
 * ({@code mssante().prepare(...)}, S/MIME off), so that everything but the one mutation is genuine.
 */
public final class HostileMail {

    private static final Session SESSION = Session.getInstance(new Properties());

    private HostileMail() {
    }

    /**
     * A DSN (RFC 3464) about {@code originalMessageId} as anyone may write one.
     *
     * @param from           who signs it off (MAILER-DAEMON@some.domain)
     * @param to             the mailbox it lands in (the sender of the original)
     * @param finalRecipient the recipient it claims to report on
     * @param delivered      "delivered" or "failed"
     */
    public static byte[] dsn(String from, String to, String originalMessageId, String finalRecipient, boolean delivered) {
        try {
            MimeMessage dsn = new MimeMessage(SESSION);
            dsn.setFrom(new InternetAddress(from));
            dsn.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            dsn.setSubject(delivered ? "Delivery Status Notification (Success)" : "Undelivered Mail Returned to Sender");
            MimeMultipart report = Reports.report(Reports.DELIVERY_STATUS);
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Rapport de remise.", "UTF-8");
            report.addBodyPart(text);
            report.addBodyPart(Reports.rawPart("message/delivery-status", "Reporting-MTA: dns; " + domain(from) + "\r\n\r\n"
                    + "Final-Recipient: rfc822; " + finalRecipient + "\r\n"
                    + "Action: " + (delivered ? "delivered" : "failed") + "\r\n"
                    + "Status: " + (delivered ? "2.0.0" : "5.1.1") + "\r\n"
                    + "Diagnostic-Code: smtp; " + (delivered ? "250 2.0.0 delivered" : "550 5.1.1 mailbox unknown") + "\r\n"));
            report.addBodyPart(Reports.rawPart("text/rfc822-headers", "Message-ID: " + originalMessageId + "\r\nSubject: x\r\n"));
            dsn.setContent(report);
            return withMessageId(dsn, "<" + UUID.randomUUID() + "@" + domain(from) + ">");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An MDN (RFC 8098, trans-lps integration result) about {@code originalMessageId}, sent from {@code from}. */
    public static MimeMessage mdn(String from, String to, String originalMessageId, String finalRecipient, IntegrationResult result) {
        try {
            byte[] original = ("Message-ID: " + originalMessageId + "\r\nSubject: XDM/1.0/DDM+Note\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            MimeMessage mdn = MdnBuilder.build(SESSION, original, finalRecipient, to, "HOSTILE", result, true);
            mdn.setFrom(new InternetAddress(from));
            return mdn;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message with an attachment of {@code bytes} random bytes (seeded): more than a mailbox should read. */
    public static byte[] large(String from, String to, int bytes, long seed) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject("Pièce jointe volumineuse", "UTF-8");
            message.setHeader(MssHeaders.NIL, "HOSTILE");
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Voir la pièce jointe.", "UTF-8");
            mixed.addBodyPart(text);
            byte[] content = new byte[bytes];
            new Random(seed).nextBytes(content);
            mixed.addBodyPart(attachment("BIG.BIN", "application/octet-stream", content));
            message.setContent(mixed);
            return withMessageId(message, "<" + UUID.randomUUID() + "@" + domain(from) + ">");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The prepared message with one document changed after METADATA.XML described it (same size, other bytes). */
    public static byte[] alteredDocument(byte[] prepared) {
        return rewriteArchive(prepared, entries -> {
            String document = entries.keySet().stream().filter(p -> p.startsWith(XdmArchive.SUBSET) && !p.equals(XdmArchive.METADATA))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("the archive holds no document"));
            byte[] bytes = entries.get(document).clone();
            int at = bytes.length / 2;
            bytes[at] = (byte) (bytes[at] == 'x' ? 'y' : 'x');
            entries.put(document, bytes);
            return entries;
        });
    }

    /** The prepared message with an entry METADATA.XML does not list (e.g. a nested zip) slipped into SUBSET01. */
    public static byte[] unlistedEntry(byte[] prepared, String fileName, byte[] content) {
        return rewriteArchive(prepared, entries -> {
            entries.put(XdmArchive.SUBSET + fileName, content);
            return entries;
        });
    }

    /** A small zip archive (what a nested zip slipped into an XDM looks like). */
    public static byte[] nestedZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("payload.exe"));
            zip.write("MZ not a document".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Rewrites the entries of the message's IHE_XDM.ZIP; the Message-ID and everything else stay as they were. */
    public static byte[] rewriteArchive(byte[] prepared, UnaryOperator<Map<String, byte[]>> change) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(prepared));
            String messageId = message.getMessageID();
            Multipart parent = xdmParent(message);
            if (parent == null) {
                throw new IllegalArgumentException("the message holds no IHE_XDM.ZIP (prepare it with S/MIME off)");
            }
            int index = xdmIndex(parent);
            byte[] zip;
            try (var in = parent.getBodyPart(index).getInputStream()) {
                zip = in.readAllBytes();
            }
            Map<String, byte[]> entries = change.apply(new LinkedHashMap<>(new XdmUnpacker(XdmLimits.DEFAULT).unpack(zip).entries()));
            byte[] rewritten = new XdmPacker().zip(new XdmArchive(entries), Instant.parse("2026-01-01T00:00:00Z"));
            parent.removeBodyPart(index);
            ((MimeMultipart) parent).addBodyPart(attachment(MssHeaders.XDM_FILE_NAME, "application/zip", rewritten), index);
            return withMessageId(message, messageId);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The multipart that holds the IHE_XDM.ZIP part, or null. */
    private static Multipart xdmParent(Part part) throws MessagingException, IOException {
        if (!part.isMimeType("multipart/*")) {
            return null;
        }
        Multipart multipart = (Multipart) part.getContent();
        if (xdmIndex(multipart) >= 0) {
            return multipart;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            Multipart found = xdmParent(multipart.getBodyPart(i));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int xdmIndex(Multipart multipart) throws MessagingException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            if (MssHeaders.XDM_FILE_NAME.equalsIgnoreCase(child.getFileName())) {
                return i;
            }
        }
        return -1;
    }

    /** An attachment part, base64-encoded. */
    private static MimeBodyPart attachment(String fileName, String contentType, byte[] content) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType + "; name=" + fileName);
        headers.setHeader("Content-Transfer-Encoding", "base64");
        headers.setHeader("Content-Disposition", "attachment; filename=" + fileName);
        return new MimeBodyPart(headers, java.util.Base64.getMimeEncoder().encode(content));
    }

    /** The message's bytes, with the given Message-ID (saving a message gives it a new one). */
    public static byte[] withMessageId(MimeMessage message, String messageId) {
        try {
            message.saveChanges();
            message.setHeader("Message-ID", messageId);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
