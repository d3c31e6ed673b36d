package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.audit.InMemoryAuditSink;
import fr.duiconnect.core.config.KeyStoreMaterial;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.core.mssante.InboxBatch;
import fr.duiconnect.core.mssante.IntegrationResult;
import fr.duiconnect.core.mssante.MailDocument;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.mssante.PreparedMail;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.mssante.hostile.HostileMail;
import fr.duiconnect.harness.mssante.hostile.SlowLink;
import fr.duiconnect.harness.mssante.hostile.StartTlsStripper;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.mssante.smime.SmimeCredentials;
import fr.duiconnect.mssante.smime.SmimeLayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The hostile peers of #19 for MSSanté, one case per test, each failing with its typed error: a server that
 * dribbles or strips STARTTLS, a mailbox holding a huge or dribbled message, forged receipts, and archives that
 * name two people or were altered after they were described. Deadlines are configured short (1 to 2 s), so the
 * dribbling cases take seconds, not minutes.
 */
class MssanteHostilePeersTest {

    /** Another qualified person than the message's (BenchMessages.INS): what a wrong-person CDA names. */
    static final Ins OTHER_PERSON = Ins.of("1400275123457", Ins.computeKey("1400275123457"), InsKind.NIR_TEST);
    private static final AtomicInteger MAILBOXES = new AtomicInteger();

    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static MssanteOperatorSimulator operator;
    static InMemoryAuditSink audit = new InMemoryAuditSink();
    static DuiConnector ehpad;
    static DuiConnector unsignedSender;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(dir.resolve("sandbox"), Set.of(ServiceSocle.MSSANTE), false);
        operator = sandbox.simulator(MssanteOperatorSimulator.class);
        ehpad = DuiConnector.builder().config(sandbox.connectorConfigWith(Map.of())).auditSink(audit).build();
        // Prepares genuine messages whose archive the tests then make hostile (S/MIME would hide it).
        unsignedSender = connector(Map.of("dui.mssante.option.smime.policy", "off"));
    }

    @AfterAll
    static void stop() {
        unsignedSender.close();
        ehpad.close();
        sandbox.close();
    }

    // ---- #19 point 1: TLS only ------------------------------------------------------------------------------------

    @Test
    void smtp_server_that_strips_starttls_gets_nothing_in_clear_MSS_TLS_REQUIRED() {
        try (StartTlsStripper stripper = new StartTlsStripper(StartTlsStripper.Protocol.SMTP);
             DuiConnector connector = connector(Map.of("dui.mssante.url", "smtp://127.0.0.1:" + stripper.port()))) {
            OperationStatus status = awaitFailure(connector, connector.mssante().send(note(MssanteOperatorSimulator.ORG_MAILBOX)));
            assertThat(status.lastErrorCode()).isEqualTo("MSS-TLS-REQUIRED");
            assertThat(status.state()).isEqualTo(OperationState.FAILED);
            assertThat(status.attempts()).isEqualTo(1);
            assertThat(stripper.receivedMoreThanSmallTalk()).as(String.valueOf(stripper.received())).isFalse();
        }
    }

    @Test
    void imap_server_that_strips_starttls_gets_nothing_in_clear_MSS_TLS_REQUIRED() {
        try (StartTlsStripper stripper = new StartTlsStripper(StartTlsStripper.Protocol.IMAP);
             DuiConnector connector = connector(Map.of("dui.mssante.option.imap.url", "imap://127.0.0.1:" + stripper.port()))) {
            assertThatThrownBy(() -> connector.mssante().fetchInbox())
                    .isInstanceOfSatisfying(DuiConnectException.class, e -> assertThat(e.code()).isEqualTo("MSS-TLS-REQUIRED"));
            assertThat(stripper.receivedMoreThanSmallTalk()).as(String.valueOf(stripper.received())).isFalse();
        }
    }

    // ---- #19 point 2: whole deadlines ---------------------------------------------------------------------------

    @Test
    void smtp_server_dribbling_one_byte_at_a_time_is_cut_at_the_submission_deadline_CORE_TIMEOUT() {
        SlowLink drip = SlowLink.to(operator.smtpApplicationPort(), 5);
        // The link goes first: a connector without a deadline would otherwise wait for its dribbling submission.
        try (DuiConnector connector = connector(short_deadlines(Map.of("dui.mssante.url", "smtp://127.0.0.1:" + drip.port()))); drip) {
            long start = System.nanoTime();
            OperationStatus status = awaitFailure(connector, connector.mssante().send(note(MssanteOperatorSimulator.ORG_MAILBOX)));
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertThat(status.lastErrorCode()).isEqualTo("CORE-TIMEOUT");
            assertThat(status.lastError()).contains("deadline of PT2S");
            assertThat(seconds).isLessThan(10);
        }
    }

    @Test
    void imap_server_dribbling_one_byte_at_a_time_is_cut_at_the_exchange_deadline_CORE_TIMEOUT() {
        String mailbox = newMailbox();
        SlowLink drip = SlowLink.to(operator.imapPscPort(), 5);
        try (DuiConnector reader = reader(mailbox, short_deadlines(Map.of("dui.mssante.option.imap.url", "imap://127.0.0.1:" + drip.port()))); drip) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> reader.mssante().fetchInbox())
                    .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                        assertThat(e.code()).isEqualTo("CORE-TIMEOUT");
                        assertThat(e.getMessage()).contains("IMAP", "deadline of PT2S");
                    }));
        }
    }

    // ---- #19 point 4: size cap and time budget ------------------------------------------------------------------

    @Test
    void message_over_the_size_cap_is_set_aside_unread_MSS_MESSAGE_SIZE_and_later_mail_is_read() {
        String mailbox = newMailbox();
        byte[] huge = HostileMail.large(MssanteOperatorSimulator.HOSPITAL_DOCTOR, mailbox, 3 * 1024 * 1024, 19);
        operator.inject(mailbox, huge);
        PreparedMail later = unsignedSender.mssante().prepare(note(mailbox));
        operator.inject(mailbox, later.rfc822());
        try (DuiConnector reader = reader(mailbox, Map.of("dui.mssante.option.inbox.max-message-bytes", "1048576"))) {
            assertSetAsideThenLaterRead(reader, reader.mssante().fetchInbox(), messageId(huge), "MSS-MESSAGE-SIZE", later);
        }
    }

    /**
     * A multipart/signed cut to one part (a sender killed in the middle of its DATA, an operator that queued it anyway)
     * made the S/MIME library fail with an undeclared exception, and the whole inbox read failed with it, at every pass.
     */
    @Test
    void signed_message_cut_to_one_part_is_set_aside_MSS_MESSAGE_MALFORMED_and_later_mail_is_read() {
        String mailbox = newMailbox();
        byte[] cut = ("From: <" + MssanteOperatorSimulator.HOSPITAL_DOCTOR + ">\r\n"
                + "To: <" + mailbox + ">\r\n"
                + "Subject: =?UTF-8?Q?Courrier_coup=C3=A9?=\r\n"
                + "Date: Thu, 3 Dec 2026 17:30:00 +0100\r\n"
                + "Message-ID: <cut-to-one-part@hopital.mssante.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nBonjour\r\n--b1--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        operator.inject(mailbox, cut);
        PreparedMail later = unsignedSender.mssante().prepare(note(mailbox));
        operator.inject(mailbox, later.rfc822());
        try (DuiConnector reader = reader(mailbox, Map.of())) {
            assertSetAsideThenLaterRead(reader, reader.mssante().fetchInbox(), "<cut-to-one-part@hopital.mssante.test>",
                    "MSS-MESSAGE-MALFORMED", later);
        }
    }

    @Test
    void message_dribbled_past_its_time_budget_is_set_aside_MSS_MESSAGE_TIME_and_later_mail_is_read() {
        String mailbox = newMailbox();
        byte[] large = HostileMail.large(MssanteOperatorSimulator.HOSPITAL_DOCTOR, mailbox, 600 * 1024, 20);
        operator.inject(mailbox, large);
        PreparedMail later = unsignedSender.mssante().prepare(note(mailbox));
        operator.inject(mailbox, later.rfc822());
        // 64 KB/s: the 800 KB of the large message would take 13 s; its budget is 1 s.
        SlowLink slow = SlowLink.to(operator.imapPscPort(), 64 * 1024);
        try (DuiConnector reader = reader(mailbox, Map.of("dui.mssante.option.imap.url", "imap://127.0.0.1:" + slow.port(),
                "dui.mssante.option.inbox.message-budget", "PT1S")); slow) {
            InboxBatch batch = assertTimeoutPreemptively(Duration.ofSeconds(12), () -> reader.mssante().fetchInbox());
            assertSetAsideThenLaterRead(reader, batch, messageId(large), "MSS-MESSAGE-TIME", later);
        }
    }

    // ---- #19 point 3: receipts that prove themselves ------------------------------------------------------------

    @Test
    void dsn_from_neither_the_recipients_domain_nor_its_operator_changes_nothing_MSS_RECEIPT_SENDER() {
        OperationStatus sent = sendQuietly(ehpad, MssanteOperatorSimulator.ORG_MAILBOX);
        byte[] forged = HostileMail.dsn("MAILER-DAEMON@forger.example", MssanteOperatorSimulator.APP_MAILBOX,
                sent.remoteReference(), MssanteOperatorSimulator.ORG_MAILBOX, false);
        operator.inject(MssanteOperatorSimulator.APP_MAILBOX, forged);
        assertSuspicious(ehpad.mssante().fetchInbox(), messageId(forged), "MSS-RECEIPT-SENDER");
        assertThat(ehpad.operations().status(sent.operationId()).state()).isEqualTo(OperationState.SENT);
        assertThat(audit.events()).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("mssante.receipt");
            assertThat(event.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(event.detail()).contains("MSS-RECEIPT-SENDER");
        });
    }

    @Test
    void dsn_about_a_recipient_the_message_was_not_sent_to_changes_nothing_MSS_RECEIPT_NOT_SENT() {
        OperationStatus sent = sendQuietly(ehpad, MssanteOperatorSimulator.ORG_MAILBOX);
        // From the operator itself, which may report for anyone, but about someone else than the recipient.
        byte[] forged = HostileMail.dsn("MAILER-DAEMON@simulateur.mssante.test", MssanteOperatorSimulator.APP_MAILBOX,
                sent.remoteReference(), MssanteOperatorSimulator.HOSPITAL_DOCTOR, false);
        operator.inject(MssanteOperatorSimulator.APP_MAILBOX, forged);
        assertSuspicious(ehpad.mssante().fetchInbox(), messageId(forged), "MSS-RECEIPT-NOT-SENT");
        assertThat(ehpad.operations().status(sent.operationId()).state()).isEqualTo(OperationState.SENT);
    }

    @Test
    void unsigned_mdn_from_a_domain_that_signs_its_receipts_changes_nothing_MSS_RECEIPT_SIGNATURE_and_a_signed_one_acks() throws Exception {
        try (DuiConnector strict = connector(Map.of("dui.mssante.option.receipts.signed-by", "ehpad.mssante.fr"))) {
            OperationStatus sent = sendQuietly(strict, MssanteOperatorSimulator.ORG_MAILBOX);
            var unsigned = HostileMail.mdn(MssanteOperatorSimulator.ORG_MAILBOX, MssanteOperatorSimulator.APP_MAILBOX,
                    sent.remoteReference(), MssanteOperatorSimulator.ORG_MAILBOX, IntegrationResult.unknownPatient());
            byte[] unsignedBytes = HostileMail.withMessageId(unsigned, "<" + UUID.randomUUID() + "@ehpad.mssante.fr>");
            operator.inject(MssanteOperatorSimulator.APP_MAILBOX, unsignedBytes);
            assertSuspicious(strict.mssante().fetchInbox(), messageId(unsignedBytes), "MSS-RECEIPT-SIGNATURE");
            assertThat(strict.operations().status(sent.operationId()).state()).isEqualTo(OperationState.SENT);

            var signed = HostileMail.mdn(MssanteOperatorSimulator.ORG_MAILBOX, MssanteOperatorSimulator.APP_MAILBOX,
                    sent.remoteReference(), MssanteOperatorSimulator.ORG_MAILBOX, IntegrationResult.PROCESSED);
            new SmimeLayer(List.of()).sign(signed, SmimeCredentials.load(new KeyStoreMaterial(
                    sandbox.pki().directory().resolve("smime-secretariat_ehpad.mssante.fr.p12"),
                    Secret.fromFile(sandbox.pki().directory().resolve("pki.pass")), null)));
            operator.inject(MssanteOperatorSimulator.APP_MAILBOX, HostileMail.withMessageId(signed, "<" + UUID.randomUUID() + "@ehpad.mssante.fr>"));
            InboxBatch batch = strict.mssante().fetchInbox();
            assertThat(batch.receipts()).anySatisfy(r -> assertThat(r.originalMessageId()).isEqualTo(sent.remoteReference()));
            assertThat(strict.operations().status(sent.operationId()).state()).isEqualTo(OperationState.ACKED);
        }
    }

    @Test
    void receipt_for_a_send_that_failed_is_never_audited_as_a_success() {
        OperationReceipt receipt = ehpad.mssante().send(quietNote(MssanteOperatorSimulator.UNKNOWN_MAILBOX));
        OperationStatus sent = ehpad.operations().await(receipt.operationId(), Duration.ofSeconds(30));
        ehpad.mssante().fetchInbox(); // the operator's DSN: mailbox unknown
        assertThat(ehpad.operations().status(sent.operationId()).state()).isEqualTo(OperationState.FAILED);
        // Then an MDN from the recipient's own domain says "processed": it proves itself, but a failed send stays one.
        byte[] late = HostileMail.withMessageId(HostileMail.mdn(MssanteOperatorSimulator.UNKNOWN_MAILBOX, MssanteOperatorSimulator.APP_MAILBOX,
                sent.remoteReference(), MssanteOperatorSimulator.UNKNOWN_MAILBOX, IntegrationResult.PROCESSED), "<" + UUID.randomUUID() + "@hopital-a.mssante.fr>");
        operator.inject(MssanteOperatorSimulator.APP_MAILBOX, late);
        ehpad.mssante().fetchInbox();
        assertThat(ehpad.operations().status(sent.operationId()).state()).isEqualTo(OperationState.FAILED);
        List<AuditEvent> acks = audit.events().stream()
                .filter(e -> sent.operationId().equals(e.operationId()) && e.action().endsWith(".ack")).toList();
        assertThat(acks).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.FAILURE);
    }

    // ---- #19 point 4: inbound integrity -------------------------------------------------------------------------

    @Test
    void archive_whose_cda_names_another_person_than_metadata_is_quarantined_MSS_PATIENT_MISMATCH() {
        assertQuarantined(prepared(BenchMessages.cda(1, OTHER_PERSON)), "MSS-PATIENT-MISMATCH");
    }

    @Test
    void archive_flagged_x_mss_ins_O_whose_cda_carries_no_ins_is_quarantined_MSS_PATIENT_MISMATCH() {
        assertQuarantined(prepared(BenchMessages.cda(1, null)), "MSS-PATIENT-MISMATCH");
    }

    @Test
    void document_altered_after_metadata_described_it_is_quarantined_MSS_XDM_INTEGRITY() {
        assertQuarantined(HostileMail.alteredDocument(prepared(BenchMessages.cda(1))), "MSS-XDM-INTEGRITY");
    }

    @Test
    void nested_zip_not_listed_in_metadata_is_not_handed_over_as_a_document() {
        byte[] raw = HostileMail.unlistedEntry(prepared(BenchMessages.cda(1)), "EXTRA.ZIP", HostileMail.nestedZip());
        String mailbox = newMailbox();
        operator.inject(mailbox, raw);
        try (DuiConnector reader = reader(mailbox, Map.of())) {
            InboxBatch batch = reader.mssante().fetchInbox();
            assertThat(batch.rejected()).isEmpty();
            assertThat(batch.messages()).singleElement().satisfies(mail -> {
                assertThat(mail.person().matricule()).isEqualTo(BenchMessages.INS.matricule());
                assertThat(mail.documents()).extracting(d -> d.path()).containsExactly("IHE_XDM/SUBSET01/DOC0001.XML");
            });
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void assertQuarantined(byte[] raw, String code) {
        String mailbox = newMailbox();
        List<InboundMail> handed = new java.util.ArrayList<>();
        operator.inject(mailbox, raw);
        try (DuiConnector reader = reader(mailbox, Map.of())) {
            reader.mssante().onMessage(handed::add);
            InboxBatch batch = reader.mssante().fetchInbox();
            assertThat(batch.messages()).isEmpty();
            assertThat(handed).isEmpty();
            assertThat(batch.rejected()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo(code);
                assertThat(r.messageId()).isEqualTo(messageId(raw));
                assertThat(r.reason()).doesNotContain(BenchMessages.INS.matricule()).doesNotContain(OTHER_PERSON.matricule());
            });
        }
    }

    /** The one message set aside with its code, the later one read, and the set-aside one never read again. */
    private static void assertSetAsideThenLaterRead(DuiConnector reader, InboxBatch batch, String setAside, String code, PreparedMail later) {
        assertThat(batch.rejected()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.messageId()).isEqualTo(setAside);
        });
        assertThat(batch.messages()).extracting(InboundMail::messageId).containsExactly(later.messageId());
        assertThat(reader.mssante().fetchInbox().rejected()).isEmpty();
    }

    private static void assertSuspicious(InboxBatch batch, String receiptId, String code) {
        assertThat(batch.rejected()).filteredOn(r -> receiptId.equals(r.messageId()))
                .singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(code));
    }

    /** A genuine DLU message for BenchMessages' resident, prepared without S/MIME, carrying the given CDA. */
    private static byte[] prepared(byte[] cda) {
        String finess = ehpad.config().endpoint(ServiceSocle.MSSANTE).option("finess").orElseThrow();
        MssanteMessage message = MssanteMessage.builder().to(MssanteOperatorSimulator.ORG_MAILBOX).person(BenchMessages.resident())
                .label("DOSSIER DE LIAISON D'URGENCE").body("DLU ci-joint")
                .document(MailDocument.of(cda, BenchMessages.metadata(1, finess))).readReceipt(false).deliveryReceipt(false).build();
        return unsignedSender.mssante().prepare(message).rfc822();
    }

    private static MssanteMessage note(String to) {
        return MssanteSendReceiveTest.note(to);
    }

    /** A note that asks for no receipt: whatever comes back for it is unsolicited. */
    private static MssanteMessage quietNote(String to) {
        return MssanteMessage.builder().to(to).person(MssanteSendReceiveTest.resident()).label("Nouvelles")
                .body("Bonjour.").deliveryReceipt(false).readReceipt(false).build();
    }

    private static OperationStatus sendQuietly(DuiConnector connector, String to) {
        OperationReceipt receipt = connector.mssante().send(quietNote(to));
        OperationStatus sent = connector.operations().await(receipt.operationId(), Duration.ofSeconds(30));
        assertThat(sent.state()).as(sent.toString()).isEqualTo(OperationState.SENT);
        return sent;
    }

    /** Waits until the operation's first attempt failed (its error recorded), at most 20 s. */
    private static OperationStatus awaitFailure(DuiConnector connector, OperationReceipt receipt) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        OperationStatus status = connector.operations().status(receipt.operationId());
        while (status.lastErrorCode() == null && System.nanoTime() < until) {
            sleep();
            status = connector.operations().status(receipt.operationId());
        }
        if (status.lastErrorCode() != null && status.state() == OperationState.PENDING) {
            // A retryable failure: give a final one time to be recorded as such.
            sleep();
            status = connector.operations().status(receipt.operationId());
        }
        return status;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> short_deadlines(Map<String, String> overrides) {
        Map<String, String> result = new HashMap<>(overrides);
        result.put("dui.mssante.timeout.connect", "PT1S");
        result.put("dui.mssante.timeout.read", "PT1S");
        return result;
    }

    private static String newMailbox() {
        String address = "lecteur" + MAILBOXES.incrementAndGet() + "@ehpad.mssante.fr";
        operator.host(address, MailboxKind.ORGANISATIONAL, null);
        return address;
    }

    /** A connector reading an organisational mailbox through Pro Santé Connect. */
    private static DuiConnector reader(String mailbox, Map<String, String> extra) {
        Path token;
        try {
            token = Files.writeString(dir.resolve("token-" + mailbox), operator.directory().issueToken(mailbox, Duration.ofMinutes(10)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> overrides = PscMailbox.overrides(operator, mailbox, token);
        overrides.putAll(extra);
        return connector(overrides);
    }

    private static DuiConnector connector(Map<String, String> overrides) {
        return DuiConnector.builder().config(sandbox.connectorConfigWith(overrides)).build();
    }

    private static String messageId(byte[] raw) {
        try {
            return new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw)).getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
