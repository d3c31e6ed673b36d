package fr.duiconnect.harness.mssante;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import fr.duiconnect.core.mssante.IntegrationResult;
import fr.duiconnect.mssante.compose.MssHeaders;
import fr.duiconnect.mssante.receive.MdnBuilder;
import fr.duiconnect.mssante.receive.Reports;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the operator does with an accepted message: refuses it with a DSN saying why when it breaks the MSSanté
 * rules, bounces recipients outside the trust space or unknown, delivers the others into their mailboxes (GreenMail),
 * returns a "delivered" DSN when {@code Return-Receipt-To} asks for it, and lets the simulated recipients answer with
 * an MDN when {@code Disposition-Notification-To} asks for one.
 */
final class OperatorDelivery {

    static final String OPERATOR_DOMAIN = "simulateur.mssante.test";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorDelivery.class);

    private final GreenMail greenMail;
    private final OperatorDirectory directory;
    private final MessageChecks checks;
    private final Path recordDir;
    private final Session session = Session.getInstance(new Properties());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    OperatorDelivery(GreenMail greenMail, OperatorDirectory directory, MessageChecks checks, Path recordDir) {
        this.greenMail = greenMail;
        this.directory = directory;
        this.checks = checks;
        this.recordDir = recordDir;
    }

    long acceptedCount() {
        return accepted.get();
    }

    long refusedCount() {
        return refused.get();
    }

    void accept(String sender, List<String> recipients, byte[] raw) {
        try {
            record(raw);
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            List<String> problems = checks.problems(message);
            if (!problems.isEmpty()) {
                refused.incrementAndGet();
                List<Outcome> failures = recipients.stream()
                        .map(r -> new Outcome(r, false, "5.6.0", "550 5.6.0 message refused by the operator: " + String.join("; ", problems)))
                        .toList();
                report(sender, message, failures);
                return;
            }
            accepted.incrementAndGet();
            List<Outcome> outcomes = new ArrayList<>();
            List<String> delivered = new ArrayList<>();
            for (String recipient : recipients) {
                if (!directory.isTrusted(recipient)) {
                    outcomes.add(new Outcome(recipient, false, "5.7.1",
                            "550 5.7.1 recipient domain is not in the MSSanté trust space (liste blanche)"));
                } else if (directory.mailbox(recipient).isEmpty()) {
                    outcomes.add(new Outcome(recipient, false, "5.1.1", "550 5.1.1 mailbox unknown: " + recipient));
                } else {
                    deliver(recipient, new MimeMessage(session, new ByteArrayInputStream(raw)));
                    delivered.add(recipient);
                    outcomes.add(new Outcome(recipient, true, "2.0.0", "250 2.0.0 delivered to the mailbox"));
                }
            }
            boolean wantsDelivered = message.getHeader(MssHeaders.RETURN_RECEIPT_TO) != null;
            List<Outcome> toReport = outcomes.stream().filter(o -> !o.success() || wantsDelivered).toList();
            if (!toReport.isEmpty()) {
                report(sender, message, toReport);
            }
            String notifyTo = message.getHeader(MssHeaders.DISPOSITION_NOTIFICATION_TO, ",");
            if (notifyTo != null) {
                String target = InternetAddress.parseHeader(notifyTo, false)[0].getAddress();
                for (String recipient : delivered) {
                    directory.autoResponse(recipient).ifPresent(result -> autoMdn(raw, recipient, target, result));
                }
            }
        } catch (MessagingException | IOException e) {
            LOG.debug("simulated operator could not process a message: {}", e.toString());
        }
    }

    private void autoMdn(byte[] raw, String recipient, String notifyTo, IntegrationResult result) {
        try {
            MimeMessage mdn = MdnBuilder.build(session, raw, recipient, notifyTo, "SIMULATEUR", result, true);
            if (directory.mailbox(notifyTo).isPresent()) {
                deliver(notifyTo, mdn);
            }
        } catch (MessagingException e) {
            LOG.debug("simulated recipient could not build its MDN: {}", e.toString());
        }
    }

    private record Outcome(String recipient, boolean success, String status, String diagnostic) {
    }

    /** A DSN (RFC 3464) to the sender, about the given recipients. */
    private void report(String sender, MimeMessage original, List<Outcome> outcomes) throws MessagingException {
        if (directory.mailbox(sender).isEmpty()) {
            return;
        }
        boolean allDelivered = outcomes.stream().allMatch(Outcome::success);
        MimeMessage dsn = new MimeMessage(session);
        dsn.setFrom(new InternetAddress("Mail Delivery System <MAILER-DAEMON@" + OPERATOR_DOMAIN + ">"));
        dsn.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(sender));
        dsn.setSubject(allDelivered ? "Delivery Status Notification (Success)" : "Undelivered Mail Returned to Sender");
        dsn.setHeader("Auto-Submitted", "auto-replied");
        String originalId = original.getMessageID();
        if (originalId != null) {
            dsn.setHeader("In-Reply-To", originalId);
            dsn.setHeader("References", originalId);
        }
        MimeMultipart report = Reports.report(Reports.DELIVERY_STATUS);
        MimeBodyPart text = new MimeBodyPart();
        StringBuilder human = new StringBuilder("Ceci est un message de l'opérateur MSSanté (simulateur).\r\n\r\n");
        for (Outcome outcome : outcomes) {
            human.append(outcome.recipient()).append(" : ").append(outcome.diagnostic()).append("\r\n");
        }
        text.setText(human.toString(), "UTF-8");
        report.addBodyPart(text);
        StringBuilder fields = new StringBuilder()
                .append("Reporting-MTA: dns; ").append(OPERATOR_DOMAIN).append("\r\n")
                .append("Arrival-Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())).append("\r\n");
        for (Outcome outcome : outcomes) {
            fields.append("\r\n")
                    .append("Final-Recipient: rfc822; ").append(outcome.recipient()).append("\r\n")
                    .append("Action: ").append(outcome.success() ? "delivered" : "failed").append("\r\n")
                    .append("Status: ").append(outcome.status()).append("\r\n")
                    .append("Diagnostic-Code: smtp; ").append(outcome.diagnostic()).append("\r\n");
        }
        report.addBodyPart(Reports.rawPart("message/delivery-status", fields.toString()));
        StringBuilder headers = new StringBuilder();
        for (Enumeration<String> lines = original.getAllHeaderLines(); lines.hasMoreElements(); ) {
            headers.append(lines.nextElement()).append("\r\n");
        }
        report.addBodyPart(Reports.rawPart("text/rfc822-headers", headers.toString()));
        dsn.setContent(report);
        dsn.saveChanges();
        dsn.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + OPERATOR_DOMAIN + ">");
        deliver(sender, dsn);
    }

    private void deliver(String address, MimeMessage message) {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address.toLowerCase(java.util.Locale.ROOT));
        if (user != null) {
            user.deliver(message);
        }
    }

    private void record(byte[] raw) throws IOException {
        if (recordDir != null) {
            Files.write(recordDir.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml"), raw);
        }
    }
}
