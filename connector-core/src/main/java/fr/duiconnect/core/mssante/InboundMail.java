package fr.duiconnect.core.mssante;

import fr.duiconnect.core.model.Ins;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A secure health mail received in the configured mailbox, decoded: S/MIME verified and decrypted when present,
 * IHE_XDM archive unpacked with its limits, person identified by the {@code patientId} of METADATA.XML (ECO.2.1.2).
 *
 * @param messageId          Message-ID
 * @param from               sender address
 * @param fromPatient        sent by a patient from Mon espace santé ({@code @patient.mssante.fr}, ECO.3.1.1)
 * @param subject            subject without the {@code XDM/1.0/DDM+} prefix (UX.28)
 * @param rawSubject         subject as received
 * @param sentAt             Date header, may be null
 * @param person             INS from METADATA.XML, when the archive names one
 * @param codeCda            values of X-MSS-CODECDA
 * @param insQualifiedHeader value of X-MSS-INS (O/N), may be null
 * @param body               text body
 * @param documents          documents of the archive (CDA and others)
 * @param attachments        other attachments (e.g. the PDF renditions), by file name
 * @param signature          S/MIME signature status
 * @param signer             subject DN of the signer, when signed
 * @param encrypted          whether it arrived S/MIME-encrypted
 * @param readReceiptTo      address of Disposition-Notification-To, when an MDN is asked
 * @param rawMessage         the message as received (RFC 5322), for proof (DPI REM: "la source SMTP")
 */
public record InboundMail(String messageId, String from, boolean fromPatient, String subject, String rawSubject,
                          Instant sentAt, Ins person, List<String> codeCda, String insQualifiedHeader, String body,
                          List<InboundDocument> documents, List<Attachment> attachments, SignatureStatus signature,
                          String signer, boolean encrypted, String readReceiptTo, byte[] rawMessage) {

    public InboundMail {
        codeCda = codeCda == null ? List.of() : List.copyOf(codeCda);
        documents = documents == null ? List.of() : List.copyOf(documents);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Optional<Ins> personIfAny() {
        return Optional.ofNullable(person);
    }

    public boolean readReceiptRequested() {
        return readReceiptTo != null;
    }

    /** An attachment outside the archive. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
