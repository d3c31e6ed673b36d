package fr.duiconnect.harness.faults;

/** What a simulator can be told to do wrong, per protocol. */
public enum FaultKind {
    /** Answer correctly, but late (the fault's latency). */
    LATENCY,
    /** HTTP 500 Internal Server Error. */
    HTTP_500,
    /** HTTP 503 Service Unavailable. */
    HTTP_503,
    /** A SOAP 1.2 Fault in place of the answer (SOAP services). */
    SOAP_FAULT,
    /** The connection is reset without an answer. */
    CONNECTION_RESET,
    /** The TLS handshake fails. */
    TLS_FAILURE,
    /** SMTP 421: service not available, closing the channel (temporary). */
    SMTP_421,
    /** SMTP 451: local error in processing (temporary). */
    SMTP_451,
    /** SMTP 550: mailbox unavailable (permanent). */
    SMTP_550,
    /** The IMAP server drops the connection. */
    IMAP_DISCONNECT;

    public boolean isHttp() {
        return this == HTTP_500 || this == HTTP_503 || this == SOAP_FAULT || this == CONNECTION_RESET || this == LATENCY || this == TLS_FAILURE;
    }

    public boolean isMail() {
        return this == SMTP_421 || this == SMTP_451 || this == SMTP_550 || this == IMAP_DISCONNECT || this == LATENCY
                || this == CONNECTION_RESET || this == TLS_FAILURE;
    }
}
