package fr.duiconnect.mssante;

import fr.duiconnect.core.error.ErrorCode;

/**
 * MSSanté rules the connector enforces, with the Référentiel socle MSSanté #2 (clients) requirement each comes from
 * (ECO.x, as mapped by the Ségur socle SC.MSS workbook; see shared/specs/mssante.md) or the RFC behind it.
 */
public enum MssanteErrorCode implements ErrorCode {
    SUBJECT_FORMAT("MSS-SUBJECT-FORMAT",
            "the subject is XDM/1.0/DDM+<libellé> <NOM> <prénom> [<date de naissance>], every field but the date mandatory, on one line",
            "ECO.2.1.3 (SC.MSS/CONF.25)"),
    ONE_PATIENT_PER_MESSAGE("MSS-ONE-PATIENT",
            "a message carrying health documents concerns one and the same person: every document's patientId is the person's INS",
            "ECO.2.1.1 (SC.MSS/CONF.23)"),
    PATIENT_ADDRESS("MSS-PATIENT-ADDRESS",
            "a patient address <matricule INS>@patient.mssante.fr is built only from the person's qualified INS, never typed",
            "ECO.3.1.5 (SC.MSS/UX.32); MSS va1.19"),
    NIL_MISSING("MSS-NIL-MISSING",
            "X-MSS-NIL is set on every message: the product reference from convergence.esante.gouv.fr (software homologation 'mssante')",
            "ECO.2.4.3 (SC.MSS/CONF.16)"),
    END_OF_CONVERSATION("MSS-MES-FIN",
            "X-MSS-MES: FIN is only for messages sent to a patient (Mon espace santé)",
            "ECO.2.2.8 (SC.MSS/CONF.21)"),
    APPLICATION_REPLY_TO("MSS-APP-REPLY-TO",
            "an application mailbox names a personal or organisational mailbox to answer to (Reply-To and footer)",
            "MSS va1.09, va1.18"),
    ADDRESS_FORMAT("MSS-ADDRESS-FORMAT", "a recipient is one e-mail address (local-part@domain), no display name, no line break",
            "RFC 5322 §3.4.1"),
    HEADER_VALUE("MSS-HEADER-VALUE", "header values hold no line break (header injection)", "RFC 5322 §2.2"),
    XDM_NOT_ZIP("MSS-XDM-NOT-ZIP", "IHE_XDM.ZIP is a readable ZIP archive", "IHE ITI TF-1 XDM; ECO.2.1.1"),
    XDM_LAYOUT("MSS-XDM-LAYOUT",
            "the archive holds INDEX.HTM, README.TXT and IHE_XDM/SUBSET01/METADATA.XML describing the documents it holds",
            "IHE ITI TF-3 §5.4.3 (XDM media); ECO.2.1.2"),
    XDM_PATH("MSS-XDM-PATH", "archive entry names are relative paths inside the archive (no '..', no absolute path, no backslash)",
            "[project] archive safety; CWE-22"),
    XDM_ENTRY_COUNT("MSS-XDM-ENTRY-COUNT", "the archive holds at most the configured number of entries",
            "[project] archive safety (xdm.max-entries)"),
    XDM_SIZE("MSS-XDM-SIZE", "the archive expands to at most the configured total size",
            "[project] archive safety (xdm.max-total-bytes)"),
    XDM_RATIO("MSS-XDM-RATIO", "the archive's expansion ratio stays under the configured limit (zip bomb)",
            "[project] archive safety (xdm.max-ratio)"),
    XDM_METADATA("MSS-XDM-METADATA", "METADATA.XML is a well-formed ebRS SubmitObjectsRequest naming the patient (patientId)",
            "ECO.2.1.2 (SC.MSS/CONF.24); IHE ITI TF-3 §4.2"),
    SMIME_CONFIGURATION("MSS-SMIME-CONFIG", "signing needs the structure's S/MIME key; encrypting needs each recipient's certificate",
            "[project] optional S/MIME layer (RFC 8551)"),
    SMIME_SIGNATURE_INVALID("MSS-SMIME-SIGNATURE", "an S/MIME signature verifies and its signer chains to a configured anchor",
            "RFC 8551 §3.5; RFC 5652 §5.6"),
    SMIME_DECRYPTION("MSS-SMIME-DECRYPT", "an S/MIME encrypted message is addressed to the configured key and decrypts",
            "RFC 8551 §3.3; RFC 5652 §6"),
    TLS_SUITES("MSS-TLS-SUITES",
            "TLS 1.2 or 1.3 only, with only the suites 0xC030, 0xC02F, 0xC028, 0xC027, 0x009F, 0x009E for TLS 1.2",
            "ECO.1.1.1, ECO.1.1.2, ECO.1.1.3 (SC.MSS/CONF.01-03)"),
    AUTHENTICATION("MSS-AUTH",
            "application mailboxes authenticate by ORG AUTH_CLI certificate then SASL PLAIN; personal/organisational ones by SASL XOAUTH2 with a PSC token",
            "ECO.1.3.1 (CONF.12); ECO.1.2.1 (CONF.07)"),
    PSC_SESSION_ENDED("MSS-PSC-ENDED",
            "without a valid Pro Santé Connect token the sessions stay closed; they reopen once a token is available",
            "ECO.1.2.6, ECO.1.2.7 (CONF.10-11)") {
        @Override public boolean retryable() { return true; }
    },
    SMTP_TEMPORARY("MSS-SMTP-4XX", "a temporary SMTP refusal (4xx) is retried later", "RFC 5321 §4.2.1; ECO.1.0.1") {
        @Override public boolean retryable() { return true; }
    },
    SMTP_PERMANENT("MSS-SMTP-5XX", "a permanent SMTP refusal (5xx) fails the message with the server's text", "RFC 5321 §4.2.1; ECO.1.0.1"),
    IMAP_FAILURE("MSS-IMAP", "the mailbox is read by IMAP4rev1 over STARTTLS", "ECO.1.0.2 (CONF.06)") {
        @Override public boolean retryable() { return true; }
    },
    MESSAGE_MALFORMED("MSS-MESSAGE-MALFORMED", "a received message is a parsable RFC 5322 / MIME message", "RFC 5322; RFC 2045"),
    TLS_REQUIRED("MSS-TLS-REQUIRED",
            "SMTP and IMAP run over TLS only: STARTTLS is required, never opportunistic (a server that does not offer it gets nothing in clear), or implicit TLS",
            "ECO.1.0.1, ECO.1.0.2 (SC.MSS/CONF.05-06); RFC 3207 §4.1; #19 point 1"),
    MESSAGE_SIZE("MSS-MESSAGE-SIZE", "a received message larger than the configured cap is set aside without being downloaded (RFC822.SIZE read first)",
            "[project] #19 point 4 (inbox.max-message-bytes)"),
    MESSAGE_TIME_BUDGET("MSS-MESSAGE-TIME", "a received message whose download overruns its time budget is set aside, and later mail is read",
            "[project] #19 point 4 (inbox.message-budget)"),
    PATIENT_MISMATCH("MSS-PATIENT-MISMATCH",
            "METADATA.XML's patientId (submission set and every document entry), each CDA's recordTarget INS and X-MSS-INS agree on one person; otherwise the message is quarantined, never filed",
            "ECO.2.1.2 (SC.MSS/CONF.24); ECO.2.4.2; trans-lps IG error 904"),
    XDM_DOCUMENT_INTEGRITY("MSS-XDM-INTEGRITY",
            "every document of the archive has the size and SHA-1 hash METADATA.XML gives it, and every document METADATA.XML lists is present",
            "IHE ITI TF-3 §4.2.3.2 (hash, size); IHE ITI TF-1 §16 XDM"),
    RECEIPT_SENDER("MSS-RECEIPT-SENDER",
            "a DSN or MDN settles a sent message only when it comes from the recipient's domain or an operator configured for it",
            "RFC 3464 §2; RFC 8098 §3; [project] #19 point 3 (receipts.operators)"),
    RECEIPT_NOT_SENT("MSS-RECEIPT-NOT-SENT",
            "a DSN or MDN settles a sent message only when it names a Message-ID this connector sent to the recipient it reports on",
            "RFC 3464 §2.2.1 (Original-Envelope-Id, Final-Recipient); RFC 8098 §3.2.5; [project] #19 point 3"),
    RECEIPT_SIGNATURE("MSS-RECEIPT-SIGNATURE",
            "a DSN or MDN from an operator configured as signing carries a verified S/MIME signature of its sender",
            "RFC 8551; [project] #19 point 3 (receipts.signed-by)");

    private final String code;
    private final String rule;
    private final String reference;

    MssanteErrorCode(String code, String rule, String reference) {
        this.code = code;
        this.rule = rule;
        this.reference = reference;
    }

    @Override public String code() { return code; }
    @Override public String rule() { return rule; }
    @Override public String reference() { return reference; }
}
