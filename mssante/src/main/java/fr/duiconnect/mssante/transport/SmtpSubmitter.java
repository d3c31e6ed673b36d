package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.mssante.MssanteErrorCode;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.io.ByteArrayInputStream;

/**
 * SMTP submission of a journaled message (ECO.1.0.1): STARTTLS, SASL, MAIL/RCPT/DATA. A temporary refusal (4xx)
 * is retryable; a permanent one (5xx) fails with the server's own text; connection and TLS failures go to the core
 * classification (I/O retried, TLS not).
 */
public final class SmtpSubmitter {

    private final MailSessions sessions;
    private final MailCredentials credentials;
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private Transport open;

    public SmtpSubmitter(MailSessions sessions, MailCredentials credentials) {
        this.sessions = sessions;
        this.credentials = credentials;
    }

    /**
     * Sends the raw message to the recipients of its To and Cc headers; returns its Message-ID. One SMTP session is
     * kept open between deliveries (checked with NOOP before reuse) and closed on any failure; for XOAUTH2 the token
     * is asked for before every message, and its absence closes the session (ECO.1.2.6).
     */
    public String submit(byte[] raw) throws MessagingException {
        return send(raw).messageId();
    }

    /** What the operator answered to a submission, for the trace (ECO.4.1.2: the server's response). */
    public record Submission(String messageId, String serverResponse) {
    }

    public Submission send(byte[] raw) throws MessagingException {
        Session session = sessions.smtp();
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        Address[] recipients = message.getAllRecipients();
        if (recipients == null || recipients.length == 0) {
            throw new DuiConnectException(MssanteErrorCode.ADDRESS_FORMAT, "to", "the journaled message has no recipient");
        }
        String reply;
        lock.lock();
        try {
            String secret;
            try {
                secret = credentials.secret(sessions.usesToken());
            } catch (DuiConnectException e) {
                closeQuietly();
                throw e;
            }
            try (ExchangeDeadline.Armed deadline = sessions.smtpDeadline().arm(sessions.exchangeDeadline())) {
                try {
                    if (open == null || !open.isConnected()) {
                        closeQuietly();
                        Transport transport = session.getTransport("smtp");
                        transport.connect(credentials.user(), secret);
                        open = transport;
                    }
                    open.sendMessage(message, recipients);
                    reply = open instanceof org.eclipse.angus.mail.smtp.SMTPTransport smtp ? smtp.getLastServerResponse() : null;
                } catch (MessagingException | RuntimeException e) {
                    closeQuietly();
                    if (deadline.expired()) {
                        // Whatever failed once the sockets were closed is the deadline's doing.
                        throw deadline.timeout(e);
                    }
                    throw e;
                }
            } catch (AuthenticationFailedException e) {
                throw new RemoteServiceException(MssanteErrorCode.AUTHENTICATION, null, "the operator refused the authentication: " + e.getMessage(), e);
            } catch (SendFailedException e) {
                throw refused(e);
            } catch (MessagingException e) {
                if (e.getNextException() instanceof SendFailedException failed) {
                    throw refused(failed);
                }
                throw MailSessions.tlsFailure(e, "SMTP").orElseThrow(() -> e);
            }
        } finally {
            lock.unlock();
        }
        return new Submission(message.getMessageID(), reply == null ? null : reply.strip());
    }

    /** Closes the kept session (module stop). */
    public void close() {
        lock.lock();
        try {
            closeQuietly();
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly() {
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException ignored) {
                // the session is dropped anyway
            }
            open = null;
        }
    }

    /** Turns an SMTP refusal into a typed error: 4xx retryable, 5xx final, with the server's reply. */
    static DuiConnectException refused(SendFailedException failure) {
        int code = -1;
        String reply = failure.getMessage();
        for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            if (e instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
                reply = a.getMessage();
                break;
            }
            if (e instanceof SMTPSendFailedException s) {
                code = s.getReturnCode();
                reply = s.getMessage();
                break;
            }
            if (e instanceof SMTPSenderFailedException s) {
                code = s.getReturnCode();
                reply = s.getMessage();
                break;
            }
        }
        String text = reply == null ? "" : reply.strip();
        if (code >= 400 && code < 500) {
            return new RemoteServiceException(MssanteErrorCode.SMTP_TEMPORARY, String.valueOf(code), "temporary refusal: " + text, failure);
        }
        return new RemoteServiceException(MssanteErrorCode.SMTP_PERMANENT, code > 0 ? String.valueOf(code) : null,
                "the operator refused the message: " + text, failure);
    }

}
