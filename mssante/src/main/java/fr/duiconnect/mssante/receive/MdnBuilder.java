package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.mssante.IntegrationResult;
import fr.duiconnect.mssante.compose.MssHeaders;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.Enumeration;
import java.util.UUID;

/**
 * Message disposition notifications (RFC 8098) as the MSSanté integration-result MDN of the trans-lps IG
 * (struct-msg-mdn): {@code multipart/report; report-type=disposition-notification} with a text part, the
 * {@code message/disposition-notification} fields and the original headers;
 * {@code Disposition: automatic-action/MDN-sent-automatically; processed} or {@code processed/Error: 90x^libellé}
 * with the subject prefixed {@code [KO Intégration système !][90x]} on error. The later IG revision notes that
 * {@code processed/Error:} breaks the RFC 8098 grammar and adds an {@code Error:} field: both are written.
 * The original is returned as {@code text/rfc822-headers} rather than {@code message/rfc822}, so that the documents
 * are not sent back (RFC 8098 §3 allows either).
 */
public final class MdnBuilder {

    private MdnBuilder() {
    }

    /**
     * @param original      the message received (its raw bytes)
     * @param ourAddress    the mailbox that received it
     * @param notifyTo      the Disposition-Notification-To address
     * @param nil           X-MSS-NIL of this software (every message carries it)
     * @param automatic     sent without a person's action (integration by the DUI) or after a person read it
     */
    public static MimeMessage build(Session session, byte[] original, String ourAddress, String notifyTo, String nil,
                                    IntegrationResult result, boolean automatic) throws MessagingException {
        MimeMessage received = new MimeMessage(session, new ByteArrayInputStream(original));
        String originalId = received.getMessageID();
        String subject = received.getSubject() == null ? "" : received.getSubject();
        String disposition = (automatic ? "automatic-action/MDN-sent-automatically; " : "manual-action/MDN-sent-manually; ")
                + (result.isError() ? "processed/Error: " + result.errorCode() + "^" + result.label()
                : automatic ? "processed" : "displayed");
        MimeMessage mdn = new MimeMessage(session);
        mdn.setFrom(new InternetAddress(ourAddress));
        mdn.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(notifyTo));
        mdn.setSubject(result.isError() ? "[KO Intégration système !][" + result.errorCode() + "] " + subject : subject, "UTF-8");
        mdn.setSentDate(new Date());
        if (nil != null) {
            mdn.setHeader(MssHeaders.NIL, nil);
        }
        if (originalId != null) {
            mdn.setHeader("In-Reply-To", originalId);
            mdn.setHeader("References", originalId);
        }
        MimeMultipart report = Reports.report(Reports.DISPOSITION_NOTIFICATION);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(result.isError()
                ? "Le message " + originalId + " a été reçu mais n'a pas pu être intégré : " + result.errorCode() + " " + result.label() + ".\r\n"
                : "Le message " + originalId + " a été " + (automatic ? "intégré" : "lu") + " par " + ourAddress + ".\r\n", "UTF-8");
        report.addBodyPart(text);
        StringBuilder fields = new StringBuilder()
                .append("Reporting-UA: dui-connect; DUI Connect\r\n")
                .append("Original-Recipient: rfc822;").append(ourAddress).append("\r\n")
                .append("Final-Recipient: rfc822;").append(ourAddress).append("\r\n");
        if (originalId != null) {
            fields.append("Original-Message-ID: ").append(originalId).append("\r\n");
        }
        fields.append("Disposition: ").append(disposition).append("\r\n");
        if (result.isError()) {
            fields.append("Error: ").append(result.errorCode()).append('^').append(result.label()).append("\r\n");
        }
        report.addBodyPart(Reports.rawPart("message/disposition-notification", fields.toString()));
        StringBuilder headers = new StringBuilder();
        for (Enumeration<String> lines = received.getAllHeaderLines(); lines.hasMoreElements(); ) {
            headers.append(lines.nextElement()).append("\r\n");
        }
        report.addBodyPart(Reports.rawPart("text/rfc822-headers", headers.toString()));
        mdn.setContent(report);
        mdn.saveChanges();
        mdn.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + ourAddress.substring(ourAddress.indexOf('@') + 1) + ">");
        return mdn;
    }
}
