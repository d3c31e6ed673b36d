package fr.duiconnect.mssante.smime;

import fr.duiconnect.core.mssante.SignatureStatus;
import jakarta.mail.Part;

/**
 * A received message with its S/MIME layers taken off.
 *
 * @param content   the part that carries the actual content (the message itself when there was no S/MIME)
 * @param signature signature status
 * @param signer    signer subject DN, or null
 * @param encrypted whether an EnvelopedData layer was removed
 * @param failure   why the signature is INVALID, or null
 * @param signerAddresses e-mail addresses of the signer's certificate (subjectAltName rfc822Name, emailAddress)
 */
public record UnwrappedContent(Part content, SignatureStatus signature, String signer, boolean encrypted, String failure,
                               java.util.List<String> signerAddresses) {

    public UnwrappedContent(Part content, SignatureStatus signature, String signer, boolean encrypted, String failure) {
        this(content, signature, signer, encrypted, failure, java.util.List.of());
    }

    /** RFC 8550 §3: the From address must be one of the signer's; otherwise the signature proves nothing about it. */
    public UnwrappedContent checkedAgainstSender(String from) {
        if (signature != SignatureStatus.VERIFIED || from == null
                || signerAddresses.stream().anyMatch(a -> a.equalsIgnoreCase(from))) {
            return this;
        }
        return new UnwrappedContent(content, SignatureStatus.INVALID, signer, encrypted,
                "the signer's certificate is not the sender's (" + from + ")", signerAddresses);
    }
}
