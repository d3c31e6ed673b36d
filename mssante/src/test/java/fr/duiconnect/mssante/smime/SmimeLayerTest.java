package fr.duiconnect.mssante.smime;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.mssante.SignatureStatus;
import fr.duiconnect.mssante.Fixtures;
import fr.duiconnect.mssante.MssanteErrorCode;
import fr.duiconnect.mssante.TestCertificates;
import fr.duiconnect.mssante.compose.ComposedMail;
import fr.duiconnect.mssante.compose.MessageComposer;
import fr.duiconnect.mssante.compose.MssHeaders;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmimeLayerTest {

    private static final TestCertificates PKI = new TestCertificates("SMIME");
    private static final SmimeCredentials SENDER = PKI.smime(Fixtures.APP_MAILBOX.address());
    private static final SmimeCredentials RECIPIENT = PKI.smime(Fixtures.RECIPIENT);

    private final Session session = Session.getInstance(new Properties());
    private final SmimeLayer layer = new SmimeLayer(List.of(PKI.root()));

    private MimeMessage composed() {
        ComposedMail mail = new MessageComposer(Fixtures.settings(),
                fr.duiconnect.mssante.XdsMetadataBridge.writer(), Clock.systemUTC())
                .compose(Fixtures.message().build(), session);
        return mail.message();
    }

    private MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void signed_message_is_detached_multipart_signed_sha256_and_verifies_after_transport() throws Exception {
        MimeMessage message = composed();
        String messageId = message.getMessageID();
        layer.sign(message, SENDER);
        MimeMessage received = roundTrip(message);
        assertThat(received.getContentType()).contains("multipart/signed").contains("sha-256")
                .contains("application/pkcs7-signature");
        assertThat(received.getMessageID()).isEqualTo(messageId);
        assertThat(received.getHeader(MssHeaders.NIL)).containsExactly("DEV935997");
        UnwrappedContent content = layer.unwrap(received, null);
        assertThat(content.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(content.signer()).contains(Fixtures.APP_MAILBOX.address());
        assertThat(((MimeMultipart) content.content().getContent()).getCount()).isEqualTo(2);
    }

    @Test
    void altered_signed_content_does_not_verify() throws Exception {
        MimeMessage message = composed();
        layer.sign(message, SENDER);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        String text = bytes.toString(StandardCharsets.ISO_8859_1).replace("veuillez", "VEUILLEZ");
        MimeMessage altered = new MimeMessage(session, new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(layer.unwrap(altered, null).signature()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void rfc_8550_signature_by_someone_else_than_the_sender_is_invalid() throws Exception {
        MimeMessage message = composed();
        layer.sign(message, PKI.smime("quelquun.dautre@ehpad.mssante.fr"));
        MimeMessage received = roundTrip(message);
        UnwrappedContent content = layer.unwrap(received, null);
        assertThat(content.signature()).isEqualTo(SignatureStatus.VERIFIED);
        UnwrappedContent checked = content.checkedAgainstSender(Fixtures.APP_MAILBOX.address());
        assertThat(checked.signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(checked.failure()).contains("not the sender's");
        assertThat(layer.unwrap(roundTrip(signedBySender()), null).checkedAgainstSender(Fixtures.APP_MAILBOX.address()).signature())
                .isEqualTo(SignatureStatus.VERIFIED);
    }

    private MimeMessage signedBySender() {
        MimeMessage message = composed();
        layer.sign(message, SENDER);
        return message;
    }

    @Test
    void signer_from_an_unknown_ca_is_invalid() throws Exception {
        MimeMessage message = composed();
        layer.sign(message, new TestCertificates("OTHER").smime(Fixtures.APP_MAILBOX.address()));
        UnwrappedContent content = layer.unwrap(roundTrip(message), null);
        assertThat(content.signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(content.failure()).contains("anchor");
    }

    @Test
    void signed_then_encrypted_message_decrypts_with_the_recipient_key_and_verifies() throws Exception {
        MimeMessage message = composed();
        layer.sign(message, SENDER);
        layer.encrypt(message, List.of(RECIPIENT.certificate(), SENDER.certificate()));
        MimeMessage received = roundTrip(message);
        assertThat(received.getContentType()).contains("application/pkcs7-mime").contains("enveloped-data");
        assertThat(received.getHeader(MssHeaders.CODE_CDA)).containsExactly("74207-2");
        UnwrappedContent content = layer.unwrap(received, RECIPIENT);
        assertThat(content.encrypted()).isTrue();
        assertThat(content.signature()).isEqualTo(SignatureStatus.VERIFIED);
    }

    @Test
    void encrypted_message_for_someone_else_is_refused() throws Exception {
        MimeMessage message = composed();
        layer.encrypt(message, List.of(RECIPIENT.certificate()));
        MimeMessage received = roundTrip(message);
        assertThatThrownBy(() -> layer.unwrap(received, PKI.smime("other@x.mssante.fr")))
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.SMIME_DECRYPTION));
        assertThatThrownBy(() -> layer.unwrap(received, null))
                .satisfies(e -> assertThat(((DuiConnectException) e).errorCode()).isEqualTo(MssanteErrorCode.SMIME_DECRYPTION));
    }

    @Test
    void message_without_smime_is_unsigned() throws Exception {
        UnwrappedContent content = layer.unwrap(roundTrip(composed()), RECIPIENT);
        assertThat(content.signature()).isEqualTo(SignatureStatus.UNSIGNED);
        assertThat(content.encrypted()).isFalse();
    }

    /**
     * #21: a deployment holds an S/MIME layer per structure with a mailbox; a layer must not build its own crypto
     * provider (1.1 MB of heap and some 300 ms each). The bound tells one from the other, no more.
     */
    @Test
    void aLayerPerStructureDoesNotBuildACryptoProviderEach() {
        List<SmimeLayer> layers = new java.util.ArrayList<>();
        layers.add(new SmimeLayer(List.of(PKI.root())));
        long before = heapAfterGc();
        for (int i = 0; i < 50; i++) {
            layers.add(new SmimeLayer(List.of(PKI.root())));
        }
        long perLayer = (heapAfterGc() - before) / 50;
        assertThat(perLayer).as("bytes per S/MIME layer").isLessThan(200 * 1024);
        assertThat(layers).hasSize(51);   // held until measured
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
