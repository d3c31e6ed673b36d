package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.KeyStoreMaterial;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.mssante.MssanteSettings;
import fr.duiconnect.mssante.compose.MssHeaders;
import fr.duiconnect.mssante.transport.MailSessions;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated operator refuses, with a DSN that says why, what a real MSSanté operator would not relay. */
@ExtendWith(MssanteSimulatorExtension.class)
class MssanteOperatorSimulatorTest {

    /** A bare Jakarta Mail session on the application interface, with the application mailbox's certificate. */
    private static Session session(MssanteOperatorSimulator operator) {
        IssuedCertificate client = operator.pki().issueOrgAuthClient("bare-" + UUID.randomUUID() + ".p12",
                MssanteOperatorSimulator.APP_CLIENT_CN, "750000010");
        TlsConfig tls = operator.pki().tlsTrustingThisPki().withClientKey(client.keyStore());
        EndpointConfig endpoint = new EndpointConfig(URI.create("smtp://127.0.0.1:" + operator.smtpApplicationPort()), null, tls,
                Map.of("mailbox", MssanteOperatorSimulator.APP_MAILBOX, "mailbox.unit", "EHPAD", "imap.url",
                        "imap://127.0.0.1:" + operator.imapApplicationPort()));
        MssanteSettings settings = MssanteSettings.from(endpoint, new SoftwareIdentity("t", "1", Map.of(), UUID.randomUUID()));
        return new MailSessions(settings).smtp();
    }

    private static void sendBare(MssanteOperatorSimulator operator, MimeMessage message) throws Exception {
        Session session = session(operator);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        MimeMessage copy = new MimeMessage(session, new java.io.ByteArrayInputStream(bytes.toByteArray()));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(MssanteOperatorSimulator.APP_MAILBOX, "");
            transport.sendMessage(copy, copy.getAllRecipients());
        }
    }

    private static MimeMessage message(String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setFrom(new InternetAddress(MssanteOperatorSimulator.APP_MAILBOX));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
        message.setSubject(subject, "UTF-8");
        message.setText("Bonjour", "UTF-8");
        message.saveChanges();
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@ehpad.mssante.fr>");
        return message;
    }

    private static String lastDsnText(MssanteOperatorSimulator operator, String messageId) throws Exception {
        for (MimeMessage received : operator.mailbox(MssanteOperatorSimulator.APP_MAILBOX)) {
            String[] inReplyTo = received.getHeader("In-Reply-To");
            if (inReplyTo != null && inReplyTo[0].equals(messageId) && received.isMimeType("multipart/report")) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                received.writeTo(text);
                return text.toString(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void eco_2_4_3_message_without_x_mss_nil_is_refused_with_a_dsn_saying_why(MssanteOperatorSimulator operator) throws Exception {
        MimeMessage message = message("Question");
        String id = message.getMessageID();
        sendBare(operator, message);
        String dsn = lastDsnText(operator, id);
        assertThat(dsn).isNotNull().contains("Action: failed").contains("X-MSS-NIL header missing");
        assertThat(operator.mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR)).noneMatch(m -> {
            try {
                return id.equals(m.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        });
    }

    @Test
    void malformed_xdm_archive_is_refused_with_a_dsn_saying_why(MssanteOperatorSimulator operator) throws Exception {
        MimeMessage message = message("XDM/1.0/DDM+DLU DURAND Marie");
        message.setHeader(MssHeaders.NIL, "TEST");
        message.setHeader(MssHeaders.CODE_CDA, "74207-2");
        message.setHeader(MssHeaders.INS, "O");
        MimeMultipart content = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Bonjour", "UTF-8");
        content.addBodyPart(text);
        MimeBodyPart zip = new MimeBodyPart();
        zip.setDataHandler(new DataHandler(new ByteArrayDataSource("PK not really a zip".getBytes(StandardCharsets.US_ASCII), "application/zip")));
        zip.setFileName("IHE_XDM.ZIP");
        content.addBodyPart(zip);
        message.setContent(content);
        message.saveChanges();
        String id = "<" + UUID.randomUUID() + "@ehpad.mssante.fr>";
        message.setHeader("Message-ID", id);
        sendBare(operator, message);
        assertThat(lastDsnText(operator, id)).isNotNull().contains("Action: failed").contains("malformed IHE_XDM.ZIP");
    }

    @Test
    void eco_2_1_2_archive_whose_metadata_xml_is_not_a_submission_is_refused(MssanteOperatorSimulator operator) throws Exception {
        MimeMessage message = message("XDM/1.0/DDM+DLU DURAND Marie");
        message.setHeader(MssHeaders.NIL, "TEST");
        message.setHeader(MssHeaders.CODE_CDA, "74207-2");
        message.setHeader(MssHeaders.INS, "O");
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(archive)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("IHE_XDM/SUBSET01/METADATA.XML"));
            zip.write("<notAnEbRSRequest/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("IHE_XDM/SUBSET01/DOC0001.XML"));
            zip.write("<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        MimeMultipart content = new MimeMultipart();
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(archive.toByteArray(), "application/zip")));
        part.setFileName("IHE_XDM.ZIP");
        content.addBodyPart(part);
        message.setContent(content);
        message.saveChanges();
        String id = "<" + UUID.randomUUID() + "@ehpad.mssante.fr>";
        message.setHeader("Message-ID", id);
        sendBare(operator, message);
        assertThat(lastDsnText(operator, id)).isNotNull().contains("Action: failed").contains("malformed IHE_XDM.ZIP");
    }

    @Test
    void eco_2_1_3_xdm_without_the_mss_headers_and_subject_is_refused(MssanteOperatorSimulator operator) throws Exception {
        MimeMessage message = message("Compte rendu");
        message.setHeader(MssHeaders.NIL, "TEST");
        MimeMultipart content = new MimeMultipart();
        MimeBodyPart zip = new MimeBodyPart();
        zip.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {1, 2}, "application/zip")));
        zip.setFileName("IHE_XDM.ZIP");
        content.addBodyPart(zip);
        message.setContent(content);
        message.saveChanges();
        String id = "<" + UUID.randomUUID() + "@ehpad.mssante.fr>";
        message.setHeader("Message-ID", id);
        sendBare(operator, message);
        assertThat(lastDsnText(operator, id)).contains("ECO.2.1.3").contains("X-MSS-CODECDA header missing").contains("X-MSS-INS");
    }

    @Test
    void sender_must_be_the_authenticated_mailbox(MssanteOperatorSimulator operator) throws Exception {
        MimeMessage message = message("Usurpation");
        message.setHeader(MssHeaders.NIL, "TEST");
        Session session = session(operator);
        session.getProperties().put("mail.smtp.from", MssanteOperatorSimulator.ORG_MAILBOX);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(MssanteOperatorSimulator.APP_MAILBOX, "");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> transport.sendMessage(message, message.getAllRecipients()))
                    .hasMessageContaining("550 5.7.1");
        }
    }

    @Test
    void starttls_is_required_before_authentication(MssanteOperatorSimulator operator) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", operator.smtpApplicationPort())) {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            var out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220");
            out.write("EHLO test\r\n".getBytes(StandardCharsets.US_ASCII));
            List<String> ehlo = new java.util.ArrayList<>();
            String line;
            do {
                line = in.readLine();
                ehlo.add(line);
            } while (line.startsWith("250-"));
            assertThat(ehlo).anyMatch(l -> l.contains("STARTTLS")).noneMatch(l -> l.contains("AUTH"));
            out.write("AUTH PLAIN AGFiAGM=\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("530 5.7.0");
        }
    }
}
