package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.mssante.IntegrationResult;
import fr.duiconnect.core.mssante.ReceiptKind;
import fr.duiconnect.core.mssante.ReceiptNotice;
import fr.duiconnect.core.mssante.SignatureStatus;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.mssante.Fixtures;
import fr.duiconnect.mssante.MssanteErrorCode;
import fr.duiconnect.mssante.compose.MessageComposer;
import fr.duiconnect.mssante.smime.SmimeLayer;
import fr.duiconnect.mssante.xdm.XdmLimits;
import fr.duiconnect.mssante.xdm.XdmUnpacker;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundParserTest {

    private final Session session = Session.getInstance(new Properties());
    private final InboundParser parser = new InboundParser(new SmimeLayer(List.of()), null, new XdmUnpacker(XdmLimits.DEFAULT),
            fr.duiconnect.mssante.XdsMetadataBridge.reader());

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private byte[] composed() throws Exception {
        return bytes(new MessageComposer(Fixtures.settings(), fr.duiconnect.mssante.XdsMetadataBridge.writer(),
                Clock.systemUTC()).compose(Fixtures.message().build(), session).message());
    }

    @Test
    void eco_2_1_2_person_of_a_received_mail_is_the_patient_id_of_metadata_xml() throws Exception {
        ParsedMessage parsed = parser.parse(composed());
        var mail = ((ParsedMessage.Mail) parsed).mail();
        assertThat(mail.person().matricule()).isEqualTo(Fixtures.INS.matricule());
        assertThat(mail.subject()).isEqualTo("DOSSIER DE LIAISON D'URGENCE CORSE Figatellix 12/10/1988");
        assertThat(mail.codeCda()).containsExactly("74207-2");
        assertThat(mail.insQualifiedHeader()).isEqualTo("O");
        assertThat(mail.documents()).extracting(d -> d.path()).containsExactly("IHE_XDM/SUBSET01/DOC0001.XML");
        assertThat(mail.signature()).isEqualTo(SignatureStatus.UNSIGNED);
        assertThat(mail.readReceiptTo()).isEqualTo(Fixtures.APP_MAILBOX.address());
    }

    @Test
    void mdn_with_integration_error_is_a_failed_receipt_for_the_original_message() throws Exception {
        byte[] original = composed();
        MimeMessage mdn = MdnBuilder.build(session, original, Fixtures.RECIPIENT, Fixtures.APP_MAILBOX.address(), "NIL",
                IntegrationResult.unknownPatient(), true);
        assertThat(mdn.getSubject()).startsWith("[KO Intégration système !][902] XDM/1.0/DDM+");
        ParsedMessage parsed = parser.parse(bytes(mdn));
        List<ReceiptNotice> notices = ((ParsedMessage.Receipts) parsed).notices();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(ReceiptKind.MDN);
            assertThat(n.success()).isFalse();
            assertThat(n.detail()).isEqualTo("902^Patient inconnu");
            assertThat(n.originalMessageId()).isEqualTo(new MimeMessage(session, new java.io.ByteArrayInputStream(original)).getMessageID());
            assertThat(n.recipient()).isEqualTo(Fixtures.RECIPIENT);
        });
    }

    @Test
    void processed_mdn_is_a_successful_receipt() throws Exception {
        MimeMessage mdn = MdnBuilder.build(session, composed(), Fixtures.RECIPIENT, Fixtures.APP_MAILBOX.address(), "NIL",
                IntegrationResult.PROCESSED, true);
        ParsedMessage parsed = parser.parse(bytes(mdn));
        assertThat(((ParsedMessage.Receipts) parsed).notices()).singleElement()
                .satisfies(n -> assertThat(n.success()).isTrue());
    }

    @Test
    void dsn_lists_one_receipt_per_recipient_with_its_status() throws Exception {
        MimeMessage dsn = new MimeMessage(session);
        dsn.setFrom("MAILER-DAEMON@op.mssante.fr");
        MimeMultipart report = Reports.report(Reports.DELIVERY_STATUS);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("rapport");
        report.addBodyPart(text);
        report.addBodyPart(Reports.rawPart("message/delivery-status", "Reporting-MTA: dns; op\r\n\r\n"
                + "Final-Recipient: rfc822; a@x.mssante.fr\r\nAction: delivered\r\nStatus: 2.0.0\r\n\r\n"
                + "Final-Recipient: rfc822; b@x.mssante.fr\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  unknown\r\n"));
        report.addBodyPart(Reports.rawPart("text/rfc822-headers", "Message-ID: <m1@ehpad.mssante.fr>\r\nSubject: x\r\n"));
        dsn.setContent(report);
        dsn.saveChanges();
        List<ReceiptNotice> notices = ((ParsedMessage.Receipts) parser.parse(bytes(dsn))).notices();
        assertThat(notices).extracting(ReceiptNotice::recipient, ReceiptNotice::success, ReceiptNotice::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a@x.mssante.fr", true, "2.0.0"),
                        org.assertj.core.groups.Tuple.tuple("b@x.mssante.fr", false, "5.1.1"));
        assertThat(notices.get(1).detail()).isEqualTo("smtp; 550 5.1.1 unknown");
        assertThat(notices).allSatisfy(n -> assertThat(n.originalMessageId()).isEqualTo("<m1@ehpad.mssante.fr>"));
    }

    @Test
    void a_multipart_signed_with_one_part_is_refused_MSS_MESSAGE_MALFORMED_not_an_undeclared_exception() {
        byte[] cut = ("From: <medecin@hopital.mssante.fr>\r\nTo: <" + Fixtures.APP_MAILBOX.address() + ">\r\n"
                + "Subject: coupe\r\nMessage-ID: <cut@hopital.mssante.fr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nBonjour\r\n--b1--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parser.parse(cut)).isInstanceOfSatisfying(DuiConnectException.class,
                e -> assertThat(e.code()).isEqualTo(MssanteErrorCode.MESSAGE_MALFORMED.code()));
    }

    @Test
    void received_hostile_archive_is_refused_with_its_rule() throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom("a@x.mssante.fr");
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart zip = new MimeBodyPart();
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(archive)) {
            out.putNextEntry(new java.util.zip.ZipEntry("../../evil.sh"));
            out.write(1);
            out.closeEntry();
        }
        zip.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(archive.toByteArray(), "application/zip")));
        zip.setFileName("IHE_XDM.ZIP");
        mixed.addBodyPart(zip);
        message.setContent(mixed);
        message.saveChanges();
        assertThatThrownBy(() -> parser.parse(bytes(message)))
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.XDM_PATH));
    }
}
