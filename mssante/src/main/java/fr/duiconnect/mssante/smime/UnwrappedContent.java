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
 */
public record UnwrappedContent(Part content, SignatureStatus signature, String signer, boolean encrypted, String failure) {
}
