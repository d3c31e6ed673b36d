package fr.duiconnect.core.mssante;

/**
 * The optional end-to-end S/MIME layer. No public MSSanté text requires S/MIME: confidentiality rests on the
 * mandatory TLS with IGC-Santé certificates (ECO.1.1.x). The connector offers signing (RSA / SHA-256, detached
 * {@code multipart/signed}) and encryption (CMS EnvelopedData, AES) with the structure's S/MIME certificate
 * on top of TLS, never instead of it; recipients need not process it.
 */
public enum SmimePolicy {
    OFF, SIGN, SIGN_AND_ENCRYPT;

    public static SmimePolicy parse(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "off", "none", "" -> OFF;
            case "sign" -> SIGN;
            case "sign+encrypt", "sign-and-encrypt", "sign_and_encrypt" -> SIGN_AND_ENCRYPT;
            default -> throw fr.duiconnect.core.error.InvalidInputException.format("smime.policy", "off, sign or sign+encrypt");
        };
    }
}
