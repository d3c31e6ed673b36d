package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.core.mssante.InboxBatch;
import fr.duiconnect.core.mssante.IntegrationResult;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.mssante.PreparedMail;
import fr.duiconnect.core.mssante.ReceiptKind;
import fr.duiconnect.core.mssante.SignatureStatus;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receiving: the EHPAD's application mailbox writes to its secretariat (an organisational mailbox read through
 * Pro Santé Connect); the secretariat's connector decodes the message, verifies/decrypts S/MIME, returns the MDN,
 * and the sender's journal follows.
 */
class MssanteInboundTest {

    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static MssanteOperatorSimulator operator;
    static DuiConnector ehpad;
    static DuiConnector secretariat;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(dir.resolve("sandbox"), Set.of(ServiceSocle.MSSANTE), false);
        operator = sandbox.simulator(MssanteOperatorSimulator.class);
        ehpad = connector(Map.of("dui.mssante.option.smime.policy", "sign+encrypt"));
        Path token = Files.writeString(dir.resolve("token"), operator.directory().issueToken(MssanteOperatorSimulator.ORG_MAILBOX, Duration.ofMinutes(10)));
        Path pki = sandbox.pki().directory();
        secretariat = connector(Map.of(
                "dui.mssante.url", "smtp://127.0.0.1:" + operator.smtpPscPort(),
                "dui.mssante.option.imap.url", "imap://127.0.0.1:" + operator.imapPscPort(),
                "dui.mssante.option.mailbox", MssanteOperatorSimulator.ORG_MAILBOX,
                "dui.mssante.option.mailbox.kind", "organisational",
                "dui.mssante.option.mailbox.unit", "Secrétariat médical",
                "dui.mssante.option.auth.token.file", token.toString(),
                "dui.mssante.option.smime.keystore", pki.resolve("smime-secretariat_ehpad.mssante.fr.p12").toString(),
                "dui.mssante.tls.keystore", ""));
    }

    @AfterAll
    static void stop() {
        secretariat.close();
        ehpad.close();
        sandbox.close();
    }

    /** A connector on the sandbox configuration changed by the overrides (an empty value removes the property). */
    private static DuiConnector connector(Map<String, String> overrides) {
        Map<String, String> changes = new java.util.HashMap<>();
        overrides.forEach((key, value) -> changes.put(key, value.isEmpty() ? null : value));
        return DuiConnector.builder().config(sandbox.connectorConfigWith(changes)).build();
    }

    @Test
    void signed_and_encrypted_message_is_decoded_and_its_read_receipt_acks_the_sender() {
        MssanteMessage message = MssanteMessage.builder().to(MssanteOperatorSimulator.ORG_MAILBOX)
                .person(MssanteSendReceiveTest.resident()).label("Chute de Mme Durand").body("Chute sans gravité ce matin.").build();
        OperationReceipt receipt = ehpad.mssante().send(message);
        assertThat(ehpad.operations().await(receipt.operationId(), Duration.ofSeconds(30)).state()).isEqualTo(OperationState.SENT);

        List<InboundMail> handled = new ArrayList<>();
        secretariat.mssante().onMessage(handled::add);
        InboxBatch batch = secretariat.mssante().fetchInbox();
        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.messages()).hasSize(1);
        InboundMail mail = batch.messages().get(0);
        assertThat(handled).containsExactly(mail);
        assertThat(mail.from()).isEqualTo(MssanteOperatorSimulator.APP_MAILBOX);
        assertThat(mail.encrypted()).isTrue();
        assertThat(mail.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(mail.body()).contains("Chute sans gravité");
        assertThat(mail.readReceiptTo()).isEqualTo(MssanteOperatorSimulator.APP_MAILBOX);

        OperationReceipt mdn = secretariat.mssante().sendReadReceipt(mail, IntegrationResult.PROCESSED);
        assertThat(secretariat.operations().await(mdn.operationId(), Duration.ofSeconds(30)).state()).isEqualTo(OperationState.ACKED);

        InboxBatch receipts = ehpad.mssante().fetchInbox();
        assertThat(receipts.receipts()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(ReceiptKind.MDN);
            assertThat(r.originalMessageId()).isEqualTo(mail.messageId());
            assertThat(r.success()).isTrue();
        });
        assertThat(ehpad.operations().status(receipt.operationId()).state()).isEqualTo(OperationState.ACKED);
    }

    @Test
    void polling_route_hands_new_messages_to_the_dui_and_answers_the_read_receipt_automatically() throws Exception {
        Path token = Files.writeString(dir.resolve("token-personal"),
                operator.directory().issueToken(MssanteOperatorSimulator.PERSONAL_MAILBOX, Duration.ofMinutes(10)));
        java.util.concurrent.BlockingQueue<InboundMail> received = new java.util.concurrent.LinkedBlockingQueue<>();
        try (DuiConnector personal = connector(Map.ofEntries(
                Map.entry("dui.mssante.url", "smtp://127.0.0.1:" + operator.smtpPscPort()),
                Map.entry("dui.mssante.option.imap.url", "imap://127.0.0.1:" + operator.imapPscPort()),
                Map.entry("dui.mssante.option.mailbox", MssanteOperatorSimulator.PERSONAL_MAILBOX),
                Map.entry("dui.mssante.option.mailbox.kind", "personal"),
                Map.entry("dui.mssante.option.mailbox.title", "IDEC"),
                Map.entry("dui.mssante.option.mailbox.given-name", "Claire"),
                Map.entry("dui.mssante.option.mailbox.family-name", "Martin"),
                Map.entry("dui.mssante.option.auth.token.file", token.toString()),
                Map.entry("dui.mssante.option.smime.policy", "off"),
                Map.entry("dui.mssante.option.smime.keystore", sandbox.pki().directory().resolve("smime-claire.martin_ehpad.mssante.fr.p12").toString()),
                Map.entry("dui.mssante.option.poll.interval", "PT0.2S"),
                Map.entry("dui.mssante.option.mdn.auto", "true"),
                Map.entry("dui.mssante.tls.keystore", "")))) {
            personal.mssante().onMessage(received::add);
            OperationReceipt receipt = ehpad.mssante().send(MssanteMessage.builder().to(MssanteOperatorSimulator.PERSONAL_MAILBOX)
                    .person(MssanteSendReceiveTest.resident()).label("Transmission").body("Pour l'IDEC").build());
            ehpad.operations().await(receipt.operationId(), Duration.ofSeconds(30));
            InboundMail mail = received.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(mail).isNotNull();
            assertThat(mail.body()).contains("Pour l'IDEC");
            assertThat(mail.signature()).isEqualTo(SignatureStatus.VERIFIED);
            // eco 3.1.6: the automatic MDN ("processed") comes back to the sender
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
            List<fr.duiconnect.core.mssante.ReceiptNotice> mdns = new ArrayList<>();
            while (mdns.isEmpty() && java.time.Instant.now().isBefore(deadline)) {
                ehpad.mssante().fetchInbox().receipts().stream()
                        .filter(r -> r.kind() == ReceiptKind.MDN && mail.messageId().equals(r.originalMessageId()))
                        .forEach(mdns::add);
            }
            assertThat(mdns).singleElement().satisfies(r -> {
                assertThat(r.success()).isTrue();
                assertThat(r.status()).contains("processed");
                assertThat(r.recipient()).isEqualTo(MssanteOperatorSimulator.PERSONAL_MAILBOX);
            });
        }
    }

    @Test
    void hostile_archive_hidden_by_encryption_is_rejected_on_reception() throws Exception {
        // The operator cannot look inside an encrypted message: the receiving connector is the last line of defence.
        jakarta.mail.Session mail = jakarta.mail.Session.getInstance(new Properties());
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(mail);
        message.setFrom(new jakarta.mail.internet.InternetAddress(MssanteOperatorSimulator.APP_MAILBOX));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new jakarta.mail.internet.InternetAddress(MssanteOperatorSimulator.ORG_MAILBOX));
        message.setSubject("XDM/1.0/DDM+DLU DURAND Marie");
        message.setHeader("X-MSS-NIL", "TEST");
        message.setHeader("X-MSS-CODECDA", "74207-2");
        message.setHeader("X-MSS-INS", "O");
        jakarta.mail.internet.MimeMultipart mixed = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart zip = new jakarta.mail.internet.MimeBodyPart();
        java.io.ByteArrayOutputStream archive = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(archive)) {
            out.putNextEntry(new java.util.zip.ZipEntry("IHE_XDM/SUBSET01/METADATA.XML"));
            out.write("<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry("IHE_XDM/SUBSET01/BOMB.XML"));
            out.write(new byte[200 * 1024 * 1024]);
            out.closeEntry();
        }
        zip.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(archive.toByteArray(), "application/zip")));
        zip.setFileName("IHE_XDM.ZIP");
        mixed.addBodyPart(zip);
        message.setContent(mixed);
        message.saveChanges();
        String id = "<" + UUID.randomUUID() + "@ehpad.mssante.fr>";
        message.setHeader("Message-ID", id);
        var secretariatCert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(Path.of(ehpad.config().endpoint(ServiceSocle.MSSANTE)
                        .requiredOption("smime.certificates")).resolve(MssanteOperatorSimulator.ORG_MAILBOX + ".pem")));
        new fr.duiconnect.mssante.smime.SmimeLayer(List.of()).encrypt(message, List.of(secretariatCert));
        message.setHeader("Message-ID", id);
        var settings = fr.duiconnect.mssante.MssanteSettings.from(ehpad.config().endpoint(ServiceSocle.MSSANTE), ehpad.config().software());
        new fr.duiconnect.mssante.transport.SmtpSubmitter(new fr.duiconnect.mssante.transport.MailSessions(settings),
                new fr.duiconnect.mssante.transport.MailCredentials(settings)).submit(bytes(message));

        InboxBatch batch = secretariat.mssante().fetchInbox();
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.rejected()).singleElement().satisfies(r -> {
            assertThat(r.messageId()).isEqualTo(id);
            assertThat(r.code()).isEqualTo("MSS-XDM-RATIO");
        });
    }

    private static byte[] bytes(jakarta.mail.internet.MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void eco_2_1_2_documents_arrive_with_their_metadata_and_the_person_of_metadata_xml() {
        String finess = ehpad.config().endpoint(ServiceSocle.MSSANTE).option("finess").orElseThrow();
        MssanteMessage message = MssanteMessage.builder().to(MssanteOperatorSimulator.ORG_MAILBOX).person(BenchMessages.resident())
                .label("DOSSIER DE LIAISON D'URGENCE").body("DLU ci-joint")
                .document(fr.duiconnect.core.mssante.MailDocument.of(BenchMessages.cda(1), BenchMessages.metadata(1, finess))
                        .withPdf(BenchMessages.pdf(), null)).readReceipt(false).build();
        OperationReceipt receipt = ehpad.mssante().send(message);
        assertThat(ehpad.operations().await(receipt.operationId(), Duration.ofSeconds(30)).state()).isEqualTo(OperationState.SENT);
        InboxBatch batch = secretariat.mssante().fetchInbox();
        assertThat(batch.rejected()).isEmpty();
        InboundMail mail = batch.messages().get(0);
        assertThat(mail.subject()).isEqualTo("DOSSIER DE LIAISON D'URGENCE MARTIN Louise 07/02/1940");
        assertThat(mail.person().matricule()).isEqualTo(BenchMessages.INS.matricule());
        assertThat(mail.codeCda()).containsExactly("74207-2");
        assertThat(mail.insQualifiedHeader()).isEqualTo("O");
        assertThat(mail.documents()).singleElement().satisfies(document -> {
            assertThat(document.content()).isEqualTo(BenchMessages.cda(1));
            assertThat(document.metadata().uniqueId()).isEqualTo("1.2.250.1.999.7.1");
        });
        assertThat(mail.attachments()).anySatisfy(a -> assertThat(a.fileName()).endsWith(".pdf"));
        assertThat(mail.signature()).isEqualTo(SignatureStatus.VERIFIED);
    }

    @Test
    void the_same_message_is_handed_over_once() {
        OperationReceipt receipt = ehpad.mssante().send(MssanteMessage.builder().to(MssanteOperatorSimulator.ORG_MAILBOX)
                .person(MssanteSendReceiveTest.resident()).label("Info").body("Une fois").readReceipt(false).build());
        ehpad.operations().await(receipt.operationId(), Duration.ofSeconds(30));
        assertThat(secretariat.mssante().fetchInbox().messages()).hasSize(1);
        assertThat(secretariat.mssante().fetchInbox().messages()).isEmpty();
    }

    @Test
    void a_message_received_twice_under_one_message_id_is_handed_over_once() throws Exception {
        // A sender cut between the server's 250 and its journal commit sends the same bytes again, as here.
        PreparedMail mail = ehpad.mssante().prepare(MssanteMessage.builder().to(MssanteOperatorSimulator.ORG_MAILBOX)
                .person(MssanteSendReceiveTest.resident()).label("Info").body("Envoyé deux fois").readReceipt(false).build());
        try (DuiConnector again = connector(Map.of())) {
            for (DuiConnector sender : List.of(ehpad, again)) {
                OperationReceipt receipt = sender.mssante().send(mail);
                assertThat(sender.operations().await(receipt.operationId(), Duration.ofSeconds(30)).state()).isEqualTo(OperationState.SENT);
            }
        }
        List<String> inMailbox = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage copy : operator.mailbox(MssanteOperatorSimulator.ORG_MAILBOX)) {
            inMailbox.add(copy.getMessageID());
        }
        assertThat(inMailbox).filteredOn(mail.messageId()::equals).hasSize(2);
        assertThat(secretariat.mssante().fetchInbox().messages()).extracting(InboundMail::messageId)
                .filteredOn(mail.messageId()::equals).hasSize(1);
    }
}
