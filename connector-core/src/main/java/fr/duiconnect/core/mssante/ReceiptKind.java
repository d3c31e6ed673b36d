package fr.duiconnect.core.mssante;

/** Acknowledgements MSSanté knows (ECO.2.3.1, ECO.2.3.2, trans-lps IG struct-msg-mdn). */
public enum ReceiptKind {
    /** Delivery status notification (RFC 3464) from the recipient's server: delivered or failed. */
    DSN,
    /** Message disposition notification (RFC 8098): displayed/processed, or processed with an integration error. */
    MDN
}
