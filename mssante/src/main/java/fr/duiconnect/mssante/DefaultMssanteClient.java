package fr.duiconnect.mssante;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.core.mssante.InboxBatch;
import fr.duiconnect.core.mssante.IntegrationResult;
import fr.duiconnect.core.mssante.MssanteClient;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.mssante.PreparedMail;
import fr.duiconnect.core.mssante.SmimePolicy;
import fr.duiconnect.core.mssante.TokenProvider;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.OutboundRequest;
import fr.duiconnect.mssante.compose.ComposedMail;
import fr.duiconnect.mssante.compose.MessageComposer;
import fr.duiconnect.mssante.receive.MdnBuilder;
import fr.duiconnect.mssante.smime.SmimeLayer;
import fr.duiconnect.mssante.transport.MailCredentials;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The MSSanté client: every message is composed and checked, S/MIME applied per the policy, then journaled as its
 * exact bytes (kind {@code mssante.send}, idempotency key and remote reference = its Message-ID) before
 * {@link #send} returns; the delivery route submits it.
 */
public final class DefaultMssanteClient implements MssanteClient {

    public static final String MDN_KIND = "mssante.mdn";

    private final ModuleContext context;
    private final MssanteSettings settings;
    private final MessageComposer composer;
    private final SmimeLayer smime;
    private final InboxService inbox;
    private final MailCredentials credentials;
    private final Session composeSession = Session.getInstance(new Properties());

    public DefaultMssanteClient(ModuleContext context, MssanteSettings settings, MessageComposer composer, SmimeLayer smime,
                                InboxService inbox, MailCredentials credentials) {
        this.context = context;
        this.settings = settings;
        this.composer = composer;
        this.smime = smime;
        this.inbox = inbox;
        this.credentials = credentials;
    }

    /** Gives the Pro Santé Connect tokens of a personal or organisational mailbox (XOAUTH2). */
    public void tokenProvider(TokenProvider provider) {
        credentials.tokenProvider(provider);
    }

    @Override
    public OperationReceipt send(MssanteMessage message) {
        return send(prepare(message));
    }

    @Override
    public PreparedMail prepare(MssanteMessage message) {
        ComposedMail mail = composeAndProtect(message);
        return new PreparedMail(mail.messageId(), mail.personRef(), bytes(mail.message()));
    }

    @Override
    public OperationReceipt send(PreparedMail mail) {
        String from;
        try {
            MimeMessage parsed = new MimeMessage(composeSession, new java.io.ByteArrayInputStream(mail.rfc822()));
            if (!mail.messageId().equals(parsed.getMessageID())) {
                throw new InvalidInputException(MssanteErrorCode.MESSAGE_MALFORMED, "mail.messageId", "is not the Message-ID of the prepared bytes");
            }
            String nil = parsed.getHeader(fr.duiconnect.mssante.compose.MssHeaders.NIL, null);
            if (nil == null || nil.isBlank()) {
                throw new InvalidInputException(MssanteErrorCode.NIL_MISSING, "mail", "X-MSS-NIL is missing");
            }
            from = ((jakarta.mail.internet.InternetAddress) parsed.getFrom()[0]).getAddress();
        } catch (MessagingException | RuntimeException e) {
            if (e instanceof DuiConnectException known) {
                throw known;
            }
            throw new InvalidInputException(MssanteErrorCode.MESSAGE_MALFORMED, "mail", "is not a readable prepared message");
        }
        return context.outbox().accept(new OutboundRequest(InboxService.SEND_KIND, mail.messageId(), settings.finess(),
                from, mail.personRef(), "message/rfc822", mail.rfc822(), Map.of()));
    }

    private ComposedMail composeAndProtect(MssanteMessage message) {
        ComposedMail mail = composer.compose(message, composeSession);
        if (settings.smimePolicy() != SmimePolicy.OFF) {
            smime.sign(mail.message(), settings.smimeKey());
        }
        if (settings.smimePolicy() == SmimePolicy.SIGN_AND_ENCRYPT) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (String recipient : mail.recipients()) {
                certificates.add(recipientCertificate(recipient));
            }
            certificates.add(settings.smimeKey().certificate());
            smime.encrypt(mail.message(), certificates);
        }
        return mail;
    }

    private X509Certificate recipientCertificate(String address) {
        Path file = settings.recipientCertificates().resolve(address.toLowerCase(Locale.ROOT) + ".pem");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(MssanteErrorCode.SMIME_CONFIGURATION, "to",
                    "no S/MIME certificate for " + address + " in " + settings.recipientCertificates() + " (sign+encrypt policy)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new InvalidInputException(MssanteErrorCode.SMIME_CONFIGURATION, "to", "the certificate of " + address + " cannot be read");
        }
    }

    @Override
    public InboxBatch fetchInbox() {
        return inbox.fetch();
    }

    @Override
    public void onMessage(Consumer<InboundMail> handler) {
        inbox.onMessage(handler);
    }

    @Override
    public OperationReceipt sendReadReceipt(InboundMail mail, IntegrationResult result) {
        if (mail.readReceiptTo() == null) {
            throw new InvalidInputException(MssanteErrorCode.MESSAGE_MALFORMED, "mail.readReceiptTo",
                    "the message asked no read receipt (Disposition-Notification-To)");
        }
        try {
            MimeMessage mdn = MdnBuilder.build(composeSession, mail.rawMessage(), settings.mailbox().address(),
                    mail.readReceiptTo(), settings.composer().nil(), result, true);
            return context.outbox().accept(new OutboundRequest(MDN_KIND, mdn.getMessageID(), settings.finess(),
                    settings.mailbox().address(), mail.personIfAny().map(fr.duiconnect.core.model.Ins::matricule).orElse(null),
                    "message/rfc822", bytes(mdn), Map.of()));
        } catch (MessagingException e) {
            throw new DuiConnectException(MssanteErrorCode.MESSAGE_MALFORMED, "mail", "the read receipt cannot be built: " + e.getMessage(), e);
        }
    }

    static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new DuiConnectException(MssanteErrorCode.MESSAGE_MALFORMED, "message", "cannot be written: " + e.getMessage(), e);
        }
    }
}
