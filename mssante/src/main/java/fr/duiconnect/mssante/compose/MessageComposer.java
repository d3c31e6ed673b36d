package fr.duiconnect.mssante.compose;

import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.identity.IdentityGuard;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.mssante.MailDocument;
import fr.duiconnect.core.mssante.Mailbox;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.SubmissionSetMetadata;
import fr.duiconnect.mssante.MssanteErrorCode;
import fr.duiconnect.mssante.xdm.XdmPacker;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.UnsupportedEncodingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an {@link MssanteMessage} into a MIME message that follows the MSSanté client rules: subject (ECO.2.1.3),
 * X-MSS headers (ECO.2.4.x), sender display name (ECO.2.2.7), footer and Reply-To of application mailboxes
 * (MSS va1.09), receipts asked (ECO.2.3.x), the IHE_XDM archive and the PDF renditions (ECO.2.1.1), and patient
 * addresses only from a qualified INS (ECO.3.1.5). Every refusal happens here, before anything is journaled.
 */
public final class MessageComposer {

    private static final DateTimeFormatter PDF_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(java.time.ZoneId.of("Europe/Paris"));

    private final ComposerSettings settings;
    private final MetadataXmlWriter metadataWriter;
    private final Clock clock;
    private final XdmPacker packer = new XdmPacker();

    public MessageComposer(ComposerSettings settings, MetadataXmlWriter metadataWriter, Clock clock) {
        this.settings = settings;
        this.metadataWriter = metadataWriter;
        this.clock = clock;
    }

    public ComposedMail compose(MssanteMessage request, Session session) {
        Mailbox sender = request.sender() != null ? request.sender() : settings.defaultSender();
        if (sender == null) {
            throw InvalidInputException.required("sender");
        }
        if (settings.nil() == null || settings.nil().isBlank()) {
            throw new InvalidInputException(MssanteErrorCode.NIL_MISSING, "dui.software.homologation.mssante",
                    "the product reference for X-MSS-NIL is not configured");
        }
        List<String> to = new ArrayList<>();
        for (String address : request.to()) {
            to.add(checkedRecipient(address, "to"));
        }
        List<String> cc = new ArrayList<>();
        for (String address : request.cc()) {
            cc.add(checkedRecipient(address, "cc"));
        }
        Ins qualified = null;
        if (request.toPatient()) {
            qualified = IdentityGuard.requireQualified(request.person(), "MSSanté message to the patient's address");
            to.add(qualified.matricule() + "@" + MssHeaders.PATIENT_DOMAIN);
        }
        if (request.endOfConversation() && !request.toPatient()) {
            throw new InvalidInputException(MssanteErrorCode.END_OF_CONVERSATION, "endOfConversation",
                    "X-MSS-MES: FIN is only set on messages to the patient");
        }
        String replyTo = request.replyTo() != null ? request.replyTo() : settings.replyTo();
        if (sender.kind() == MailboxKind.APPLICATION) {
            if (replyTo == null || replyTo.isBlank()) {
                throw new InvalidInputException(MssanteErrorCode.APPLICATION_REPLY_TO, "replyTo",
                        "an application mailbox needs the personal or organisational mailbox to answer to");
            }
            replyTo = checkedRecipient(replyTo, "replyTo");
        }
        Ins documentsIns = null;
        if (!request.documents().isEmpty()) {
            // The INS leaves the DUI inside METADATA.XML: only for a qualified identity (RNIV EXI ID 29).
            documentsIns = IdentityGuard.requireQualified(request.person(), "MSSanté message with health documents");
            for (int i = 0; i < request.documents().size(); i++) {
                Ins entryIns = request.documents().get(i).metadata().patientId();
                if (!entryIns.matricule().equals(documentsIns.matricule()) || entryIns.kind() != documentsIns.kind()) {
                    throw new InvalidInputException(MssanteErrorCode.ONE_PATIENT_PER_MESSAGE,
                            "documents[" + i + "].metadata.patientId", "is not the INS of the message's person");
                }
            }
        }
        Instant now = clock.instant();
        String messageId = "<" + UUID.randomUUID() + "@" + sender.domain() + ">";
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(sender.address(), sender.displayName(), "UTF-8"));
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, addresses(to));
            if (!cc.isEmpty()) {
                message.setRecipients(jakarta.mail.Message.RecipientType.CC, addresses(cc));
            }
            if (replyTo != null && !replyTo.isBlank()) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(checkedRecipient(replyTo, "replyTo"))});
            }
            String subject = request.documents().isEmpty()
                    ? oneLine(request.label(), "label")
                    : SubjectLine.of(request.label(), request.person().traits(), request.birthDateInSubject());
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(now));
            message.setHeader(MssHeaders.NIL, oneLine(settings.nil(), "nil"));
            if (request.inReplyTo() != null) {
                message.setHeader("In-Reply-To", messageIdValue(request.inReplyTo(), "inReplyTo"));
                List<String> references = new ArrayList<>();
                for (String reference : request.references()) {
                    references.add(messageIdValue(reference, "references"));
                }
                if (references.isEmpty()) {
                    references.add(messageIdValue(request.inReplyTo(), "inReplyTo"));
                }
                message.setHeader("References", String.join(" ", references));
            }
            if (request.deliveryReceipt()) {
                message.setHeader(MssHeaders.RETURN_RECEIPT_TO, sender.address());
            }
            if (request.readReceipt()) {
                message.setHeader(MssHeaders.DISPOSITION_NOTIFICATION_TO, sender.address());
            }
            if (request.endOfConversation()) {
                message.setHeader(MssHeaders.MES, "FIN");
            }
            MimeMultipart content = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(bodyText(request, sender, replyTo), "UTF-8", "plain");
            content.addBodyPart(text);
            if (!request.documents().isEmpty()) {
                List<String> codes = request.documents().stream().map(d -> d.metadata().typeCode().code()).toList();
                if (settings.codeCdaOneHeaderPerDocument()) {
                    for (String code : codes) {
                        message.addHeader(MssHeaders.CODE_CDA, oneLine(code, "typeCode"));
                    }
                } else {
                    message.setHeader(MssHeaders.CODE_CDA, oneLine(String.join(",", codes), "typeCode"));
                }
                // Documents with a qualified INS only reach this point, so the archive always holds one.
                message.setHeader(MssHeaders.INS, documentsIns != null ? "O" : "N");
                content.addBodyPart(attachment(xdm(request, sender, now), "application/zip", MssHeaders.XDM_FILE_NAME));
                int index = 0;
                for (MailDocument document : request.documents()) {
                    index++;
                    if (document.pdf() != null) {
                        String name = document.pdfFileName() != null ? document.pdfFileName() : pdfName(document, request, index);
                        content.addBodyPart(attachment(document.pdf(), "application/pdf", name));
                    }
                }
            }
            message.setContent(content);
            message.saveChanges();
            // saveChanges() replaces the Message-ID: set ours afterwards.
            message.setHeader("Message-ID", messageId);
            List<String> recipients = new ArrayList<>(to);
            recipients.addAll(cc);
            String personRef = documentsIns != null ? documentsIns.matricule()
                    : qualified != null ? qualified.matricule() : request.person().localId();
            return new ComposedMail(message, messageId, recipients, personRef);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new InvalidInputException(MssanteErrorCode.MESSAGE_MALFORMED, "message", "cannot be composed: " + e.getMessage());
        }
    }

    private byte[] xdm(MssanteMessage request, Mailbox sender, Instant now) {
        List<DocumentMetadata> entries = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        int index = 0;
        for (MailDocument document : request.documents()) {
            index++;
            String name = XdmPacker.documentFileName(index, "XML");
            // hash and size are computed here, whatever the caller put: they must describe the bytes sent.
            entries.add(document.metadata().toBuilder().hash(sha1(document.cda())).size(document.cda().length).build());
            uris.add(name);
            files.put(name, document.cda());
        }
        DocumentMetadata first = entries.get(0);
        SubmissionSetMetadata submissionSet = new SubmissionSetMetadata("2.25." + uuidInteger(), settings.sourceId(), now,
                request.label(), settings.contentTypeCode(), first.author(), first.patientId());
        byte[] metadata = metadataWriter.write(submissionSet, entries, uris);
        return packer.packAndZip(new XdmPacker.Contents(sender.address(), settings.software().name(),
                settings.software().version(), null, metadata, files, now));
    }

    private static String uuidInteger() {
        return ComposerSettings.oidOf(UUID.randomUUID()).substring("2.25.".length());
    }

    private String bodyText(MssanteMessage request, Mailbox sender, String replyTo) {
        String body = request.body();
        if (sender.kind() != MailboxKind.APPLICATION) {
            return body;
        }
        // MSS va1.09: an application mailbox says the message is automatic and where to answer.
        return body + (body.isEmpty() || body.endsWith("\n") ? "" : "\r\n") + "\r\n-- \r\n"
                + "Ce message a été envoyé automatiquement par le logiciel " + settings.software().name()
                + " depuis la boîte aux lettres applicative " + sender.address() + ".\r\n"
                + "Merci de ne pas répondre à cette adresse : pour joindre l'émetteur, écrivez à " + replyTo + ".\r\n";
    }

    /** ECO.2.1.6 ([2nd], task-010): {@code <date AAAAMMJJ>_<type ≤40>_<NOM>_<prénom>.pdf}. */
    private static String pdfName(MailDocument document, MssanteMessage request, int index) {
        String type = document.metadata().typeCode().displayName().isBlank()
                ? document.metadata().typeCode().code() : document.metadata().typeCode().displayName();
        String cleanType = ascii(type);
        if (cleanType.length() > 40) {
            cleanType = cleanType.substring(0, 40);
        }
        var traits = request.person().traits();
        return PDF_DATE.format(document.metadata().creationTime()) + "_" + cleanType + "_"
                + ascii(traits.birthName()).toUpperCase(Locale.ROOT) + "_" + ascii(traits.firstFirstName())
                + (request.documents().size() > 1 ? "_" + index : "") + ".pdf";
    }

    private static String ascii(String value) {
        String decomposed = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replaceAll("[^A-Za-z0-9-]+", "_").replaceAll("^_+|_+$", "");
    }

    private static MimeBodyPart attachment(byte[] bytes, String type, String fileName) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(fileName);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    static String checkedRecipient(String address, String field) {
        if (address == null || address.isBlank()) {
            throw InvalidInputException.required(field);
        }
        String trimmed = address.trim();
        if (!trimmed.matches(Mailbox.ADDRESS_PATTERN)) {
            throw new InvalidInputException(MssanteErrorCode.ADDRESS_FORMAT, field, "'" + trimmed + "' is not one e-mail address");
        }
        if (trimmed.toLowerCase(Locale.ROOT).endsWith("@" + MssHeaders.PATIENT_DOMAIN)) {
            throw new IdentityRefusedException(MssanteErrorCode.PATIENT_ADDRESS, field,
                    "patient addresses are built from the person's qualified INS (toPatient), never given as text");
        }
        return trimmed;
    }

    private static InternetAddress[] addresses(List<String> values) throws AddressException {
        InternetAddress[] result = new InternetAddress[values.size()];
        for (int i = 0; i < values.size(); i++) {
            result[i] = new InternetAddress(values.get(i), true);
        }
        return result;
    }

    private static String messageIdValue(String value, String field) {
        String id = oneLine(value, field).trim();
        if (!id.startsWith("<")) {
            id = "<" + id + ">";
        }
        if (!id.matches("<[^<>\\s]+@[^<>\\s]+>")) {
            throw InvalidInputException.format(field, "a Message-ID <left@right>");
        }
        return id;
    }

    private static String oneLine(String value, String field) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new InvalidInputException(MssanteErrorCode.HEADER_VALUE, field, "holds a line break");
        }
        return value;
    }

    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
