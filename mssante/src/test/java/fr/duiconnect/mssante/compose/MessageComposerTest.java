package fr.duiconnect.mssante.compose;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.mssante.MailDocument;
import fr.duiconnect.core.mssante.Mailbox;
import fr.duiconnect.mssante.Fixtures;
import fr.duiconnect.mssante.MssanteErrorCode;
import fr.duiconnect.mssante.xdm.XdmArchive;
import fr.duiconnect.mssante.xdm.XdmLimits;
import fr.duiconnect.mssante.xdm.XdmUnpacker;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageComposerTest {

    private final Session session = Session.getInstance(new Properties());
    private final MessageComposer composer = new MessageComposer(Fixtures.settings(), fr.duiconnect.mssante.XdsMetadataBridge.writer(),
            Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC));

    private MimeMessage compose(fr.duiconnect.core.mssante.MssanteMessage message) {
        return composer.compose(message, session).message();
    }

    @Test
    void eco_2_1_3_subject_is_xdm_prefix_libelle_nom_prenom_birth_date() throws Exception {
        assertThat(compose(Fixtures.message().build()).getSubject())
                .isEqualTo("XDM/1.0/DDM+DOSSIER DE LIAISON D'URGENCE CORSE Figatellix 12/10/1988");
        assertThat(compose(Fixtures.message().birthDateInSubject(false).build()).getSubject())
                .isEqualTo("XDM/1.0/DDM+DOSSIER DE LIAISON D'URGENCE CORSE Figatellix");
    }

    @Test
    void eco_2_1_3_subject_is_one_line() {
        assertThatThrownBy(() -> compose(Fixtures.message().label("DLU\r\nBcc: x@y.fr").build()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.SUBJECT_FORMAT));
    }

    @Test
    void eco_2_1_1_a_pdf_rendition_that_is_not_a_pdf_is_refused_by_content() {
        byte[] passwd = "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Fixtures.dlu().withPdf(passwd, "lettre.pdf"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("document.pdf").hasMessageContaining("%PDF-");
    }

    @Test
    void eco_2_4_3_x_mss_nil_on_every_message() throws Exception {
        assertThat(compose(Fixtures.message().build()).getHeader(MssHeaders.NIL)).containsExactly("DEV935997");
        var withoutDocuments = fr.duiconnect.core.mssante.MssanteMessage.builder().to(Fixtures.RECIPIENT)
                .person(Fixtures.qualified()).label("Question").body("Bonjour").build();
        assertThat(compose(withoutDocuments).getHeader(MssHeaders.NIL)).containsExactly("DEV935997");
    }

    @Test
    void eco_2_4_3_missing_product_reference_is_refused() {
        ComposerSettings s = Fixtures.settings();
        MessageComposer withoutNil = new MessageComposer(new ComposerSettings(" ", s.defaultSender(), s.replyTo(), s.software(),
                s.contentTypeCode(), s.sourceId(), true), fr.duiconnect.mssante.XdsMetadataBridge.writer(), Clock.systemUTC());
        assertThatThrownBy(() -> withoutNil.compose(Fixtures.message().build(), session))
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.NIL_MISSING));
    }

    @Test
    void eco_2_4_1_x_mss_codecda_one_value_per_cda_and_eco_2_4_2_x_mss_ins_o() throws Exception {
        MimeMessage message = compose(Fixtures.message()
                .document(MailDocument.of(Fixtures.cda("11488-4"), Fixtures.metadata("11488-4", Fixtures.INS))).build());
        assertThat(message.getHeader(MssHeaders.CODE_CDA)).containsExactly("74207-2", "11488-4");
        assertThat(message.getHeader(MssHeaders.INS)).containsExactly("O");
    }

    @Test
    void eco_2_4_1_codecda_comma_separated_when_so_configured() throws Exception {
        ComposerSettings s = Fixtures.settings();
        MessageComposer comma = new MessageComposer(new ComposerSettings(s.nil(), s.defaultSender(), s.replyTo(), s.software(),
                s.contentTypeCode(), s.sourceId(), false), fr.duiconnect.mssante.XdsMetadataBridge.writer(), Clock.systemUTC());
        MimeMessage message = comma.compose(Fixtures.message()
                .document(MailDocument.of(Fixtures.cda("11488-4"), Fixtures.metadata("11488-4", Fixtures.INS))).build(), session).message();
        assertThat(message.getHeader(MssHeaders.CODE_CDA)).containsExactly("74207-2,11488-4");
    }

    @Test
    void eco_2_4_x_no_codecda_nor_ins_header_without_cda() throws Exception {
        var message = compose(fr.duiconnect.core.mssante.MssanteMessage.builder().to(Fixtures.RECIPIENT)
                .person(Fixtures.doubtful()).label("Question").body("Bonjour").build());
        assertThat(message.getHeader(MssHeaders.CODE_CDA)).isNull();
        assertThat(message.getHeader(MssHeaders.INS)).isNull();
    }

    @Test
    void eco_2_2_7_display_name_of_a_personal_mailbox_is_titre_prenom_nom_entite() throws Exception {
        Mailbox personal = Mailbox.personal("jean.martin@ehpad.mssante.fr", "Dr", "Jean", "Martin", "Médecin coordonnateur");
        MimeMessage message = compose(Fixtures.message().sender(personal).build());
        jakarta.mail.internet.InternetAddress from = (jakarta.mail.internet.InternetAddress) message.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Dr_Jean_MARTIN_Médecin coordonnateur");
        assertThat(from.getAddress()).isEqualTo("jean.martin@ehpad.mssante.fr");
        assertThat(Mailbox.personal("a.b@x.mssante.fr", null, "Anne", "Bé", null).displayName()).isEqualTo("Anne_BÉ");
    }

    @Test
    void eco_2_2_7_display_name_of_an_organisational_mailbox_is_the_functional_unit() throws Exception {
        MimeMessage message = compose(Fixtures.message().sender(Mailbox.organisational("soins@ehpad.mssante.fr", "Pôle soins")).build());
        assertThat(((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Pôle soins");
    }

    @Test
    void mss_va1_09_application_mailbox_adds_footer_and_reply_to() throws Exception {
        MimeMessage message = compose(Fixtures.message().build());
        assertThat(message.getReplyTo()[0].toString()).isEqualTo(Fixtures.REPLY_TO);
        String text = (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("envoyé automatiquement").contains(Fixtures.REPLY_TO);
    }

    @Test
    void mss_va1_09_application_mailbox_without_reply_to_is_refused() {
        ComposerSettings s = Fixtures.settings();
        MessageComposer noReplyTo = new MessageComposer(new ComposerSettings(s.nil(), s.defaultSender(), null, s.software(),
                s.contentTypeCode(), s.sourceId(), true), fr.duiconnect.mssante.XdsMetadataBridge.writer(), Clock.systemUTC());
        assertThatThrownBy(() -> noReplyTo.compose(Fixtures.message().build(), session))
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.APPLICATION_REPLY_TO));
    }

    @Test
    void eco_2_3_1_and_2_3_2_delivery_and_read_receipts_asked_to_the_sender() throws Exception {
        MimeMessage message = compose(Fixtures.message().build());
        assertThat(message.getHeader(MssHeaders.RETURN_RECEIPT_TO)).containsExactly(Fixtures.APP_MAILBOX.address());
        assertThat(message.getHeader(MssHeaders.DISPOSITION_NOTIFICATION_TO)).containsExactly(Fixtures.APP_MAILBOX.address());
        MimeMessage without = compose(Fixtures.message().deliveryReceipt(false).readReceipt(false).build());
        assertThat(without.getHeader(MssHeaders.RETURN_RECEIPT_TO)).isNull();
        assertThat(without.getHeader(MssHeaders.DISPOSITION_NOTIFICATION_TO)).isNull();
    }

    @Test
    void rfc_5322_message_id_and_reply_threading() throws Exception {
        ComposedMail mail = composer.compose(Fixtures.message().inReplyTo("<abc@hopital-a.mssante.fr>")
                .references(java.util.List.of("<root@x.mssante.fr>", "<abc@hopital-a.mssante.fr>")).build(), session);
        assertThat(mail.message().getMessageID()).isEqualTo(mail.messageId()).matches("<[0-9a-f-]{36}@ehpad\\.mssante\\.fr>");
        assertThat(mail.message().getHeader("In-Reply-To")).containsExactly("<abc@hopital-a.mssante.fr>");
        assertThat(mail.message().getHeader("References")).containsExactly("<root@x.mssante.fr> <abc@hopital-a.mssante.fr>");
    }

    @Test
    void eco_3_1_5_patient_address_is_built_from_the_qualified_ins() throws Exception {
        MimeMessage message = compose(Fixtures.message().toPatient(true).build());
        assertThat(message.getRecipients(jakarta.mail.Message.RecipientType.TO)).extracting(Object::toString)
                .contains(Fixtures.INS.matricule() + "@patient.mssante.fr");
    }

    @Test
    void eco_3_1_5_patient_address_refused_for_an_identity_that_is_not_qualified() {
        assertThatThrownBy(() -> compose(fr.duiconnect.core.mssante.MssanteMessage.builder().toPatient(true)
                .person(Fixtures.recovered()).label("Message").build()))
                .isInstanceOf(IdentityRefusedException.class).hasMessageContaining("INS-IDENTITY-NOT-QUALIFIED");
    }

    @Test
    void eco_3_1_5_patient_address_typed_as_text_is_refused() {
        assertThatThrownBy(() -> compose(Fixtures.message().to(Fixtures.INS.matricule() + "@patient.mssante.fr").build()))
                .isInstanceOf(IdentityRefusedException.class)
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.PATIENT_ADDRESS));
    }

    @Test
    void eco_2_1_1_one_patient_per_message() {
        String other = "1840575123456";
        Ins otherIns = Ins.of(other, Ins.computeKey(other), InsKind.NIR_TEST);
        assertThatThrownBy(() -> compose(Fixtures.message()
                .document(MailDocument.of(Fixtures.cda("11488-4"), Fixtures.metadata("11488-4", otherIns))).build()))
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.ONE_PATIENT_PER_MESSAGE))
                .hasMessageContaining("documents[1].metadata.patientId");
    }

    @Test
    void documents_of_an_identity_that_is_not_qualified_are_refused() {
        assertThatThrownBy(() -> compose(Fixtures.message().person(Fixtures.recovered()).build()))
                .isInstanceOf(IdentityRefusedException.class);
    }

    @Test
    void eco_2_2_8_end_of_conversation_only_to_a_patient() throws Exception {
        assertThatThrownBy(() -> compose(Fixtures.message().endOfConversation(true).build()))
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.END_OF_CONVERSATION));
        assertThat(compose(Fixtures.message().toPatient(true).endOfConversation(true).build()).getHeader(MssHeaders.MES))
                .containsExactly("FIN");
    }

    @Test
    void recipients_are_single_addresses() {
        assertThatThrownBy(() -> compose(Fixtures.message().to("Jean <jean@x.mssante.fr>").build()))
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.ADDRESS_FORMAT));
    }

    @Test
    void eco_2_1_1_attachments_are_the_xdm_archive_then_the_pdf_rendition() throws Exception {
        byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
        MimeMessage message = compose(fr.duiconnect.core.mssante.MssanteMessage.builder().to(Fixtures.RECIPIENT).person(Fixtures.qualified())
                .label("DLU").document(Fixtures.dlu().withPdf(pdf, null)).build());
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        MimeBodyPart xdm = (MimeBodyPart) parts.getBodyPart(1);
        assertThat(xdm.getFileName()).isEqualTo("IHE_XDM.ZIP");
        assertThat(xdm.getContentType()).startsWith("application/zip");
        MimeBodyPart rendition = (MimeBodyPart) parts.getBodyPart(2);
        assertThat(rendition.getFileName()).isEqualTo("20261120_Dossier_de_liaison_d_urgence_CORSE_Figatellix.pdf");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        xdm.getDataHandler().writeTo(zip);
        XdmArchive archive = new XdmUnpacker(XdmLimits.DEFAULT).unpack(zip.toByteArray());
        assertThat(archive.entries().keySet()).containsExactly("INDEX.HTM", "README.TXT",
                "IHE_XDM/SUBSET01/METADATA.XML", "IHE_XDM/SUBSET01/DOC0001.XML");
        assertThat(archive.entry("IHE_XDM/SUBSET01/DOC0001.XML").orElseThrow()).isEqualTo(Fixtures.cda("74207-2"));
        assertThat(new String(archive.entry("README.TXT").orElseThrow(), StandardCharsets.UTF_8))
                .contains("MonDUI 4.2").contains(Fixtures.APP_MAILBOX.address()).contains("DOC0001.XML");
        assertThat(new String(archive.entry("INDEX.HTM").orElseThrow(), StandardCharsets.UTF_8))
                .contains("IHE_XDM/SUBSET01/DOC0001.XML");
    }
}
