package fr.duiconnect.core.mssante;

/** What the S/MIME layer of a received message said. */
public enum SignatureStatus {
    /** No S/MIME signature (the usual MSSanté case: TLS only). */
    UNSIGNED,
    /** Signed, the signature verifies and the signer chains to a configured trust anchor. */
    VERIFIED,
    /** Signed, but the signature or the signer's chain does not verify: treat the content as untrusted. */
    INVALID
}
