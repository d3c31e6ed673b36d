package fr.duiconnect.mssante.compose;

import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.mssante.Mailbox;

/**
 * What the composer takes from configuration.
 *
 * @param nil             X-MSS-NIL value (ECO.2.4.3); the software's homologation "mssante"
 * @param defaultSender   the mailbox used when a message names none
 * @param replyTo         for application mailboxes: the personal or organisational mailbox to answer to (MSS va1.09)
 * @param software        the LPS, named in README.TXT and in the footer
 * @param contentTypeCode XDS submission set contentTypeCode (JDV_J59; UNCONFIRMED which code MSSanté receivers
 *                        expect, so configurable: {@code xdm.content-type-code=code|system|libellé})
 * @param sourceId        XDS submission set sourceId (OID of the LPS installation)
 * @param codeCdaOneHeaderPerDocument X-MSS-CODECDA as one header line per CDA (true) or one line with the values
 *                        separated by commas (false): the separator is UNCONFIRMED (ECO.2.4.1 says multi-valued)
 */
public record ComposerSettings(String nil, Mailbox defaultSender, String replyTo, SoftwareIdentity software,
                               Code contentTypeCode, String sourceId, boolean codeCdaOneHeaderPerDocument) {

    /** The default submission set content type when none is configured (UNCONFIRMED for MSSanté). */
    public static final Code DEFAULT_CONTENT_TYPE = Code.of("04", "1.2.250.1.213.1.1.4.12", "Hospitalisation");

    /** An OID for the installation: 2.25 followed by its UUID as an integer (ITU-T X.667). */
    public static String oidOf(java.util.UUID uuid) {
        java.math.BigInteger high = java.math.BigInteger.valueOf(uuid.getMostSignificantBits()).and(new java.math.BigInteger("FFFFFFFFFFFFFFFF", 16));
        java.math.BigInteger low = java.math.BigInteger.valueOf(uuid.getLeastSignificantBits()).and(new java.math.BigInteger("FFFFFFFFFFFFFFFF", 16));
        return "2.25." + high.shiftLeft(64).or(low);
    }
}
