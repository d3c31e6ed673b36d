package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.mssante.MssanteErrorCode;
import fr.duiconnect.mssante.MssanteSettings;
import jakarta.mail.Session;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Jakarta Mail sessions for the MSSanté interface, one set of properties per client (never System properties):
 * STARTTLS required (ECO.1.0.1-2) or implicit TLS, a whole deadline on every exchange ({@link ExchangeDeadline}), the client's own TLS socket factory with the server identity checked, finite
 * connect/read/write timeouts, and the SASL mechanism of the mailbox kind: PLAIN after mutual TLS for an
 * application mailbox (ECO.1.3.1), XOAUTH2 with the PSC token otherwise (ECO.1.2.1).
 */
public final class MailSessions implements AutoCloseable {

    private final MssanteSettings settings;
    private final ScheduledExecutorService timer;
    private final ExchangeDeadline smtpDeadline;
    private final ExchangeDeadline imapDeadline;
    private final SSLSocketFactory smtpTls;
    private final SSLSocketFactory imapTls;

    public MailSessions(MssanteSettings settings) {
        this.settings = settings;
        // One timer thread per client (never shared between connectors), only to close sockets past their deadline.
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dui-mssante-deadline");
            thread.setDaemon(true);
            return thread;
        });
        this.smtpDeadline = new ExchangeDeadline("the SMTP submission", timer);
        this.imapDeadline = new ExchangeDeadline("the IMAP exchange", timer);
        this.smtpTls = MssanteTls.socketFactory(settings.tls(), smtpDeadline::track);
        this.imapTls = MssanteTls.socketFactory(settings.tls(), imapDeadline::track);
    }

    public Session smtp() {
        return Session.getInstance(properties("smtp", settings.smtp(), smtpTls, smtpDeadline));
    }

    public Session imap() {
        return Session.getInstance(properties("imap", settings.imap(), imapTls, imapDeadline));
    }

    /** The whole deadline of SMTP submissions. */
    public ExchangeDeadline smtpDeadline() {
        return smtpDeadline;
    }

    /** The whole deadline of IMAP exchanges (a look at the mailbox, the download of one message). */
    public ExchangeDeadline imapDeadline() {
        return imapDeadline;
    }

    /** The deadline of one exchange: connection and complete answer ({@code Timeouts.exchange()}). */
    public Duration exchangeDeadline() {
        return settings.timeouts().exchange();
    }

    public boolean usesToken() {
        return settings.mailbox().kind() != MailboxKind.APPLICATION;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * The typed TLS failure of an SMTP or IMAP exchange, if that is what it was; one rule for both protocols, with
     * STARTTLS or implicit TLS. A server that does not offer STARTTLS (or a stripper in the path) is
     * {@code MSS-TLS-REQUIRED}, recognised by Jakarta Mail's text, the only thing it gives; a handshake that failed (a
     * server certificate outside the trust store, a wrong host, our certificate refused) is {@code CORE-TLS}, as for
     * every other service. Neither is retried: the peer or the configuration has to change.
     */
    static Optional<DuiConnectException> tlsFailure(Exception failure, String protocol) {
        String text = failure.getMessage();
        if (text != null && text.contains("STARTTLS") && text.contains("required but")) {
            return Optional.of(new DuiConnectException(MssanteErrorCode.TLS_REQUIRED, protocol,
                    "the " + protocol + " server does not offer STARTTLS: nothing is sent in clear", failure));
        }
        // MessagingException chains its cause as its "next exception", which getCause() returns.
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return Optional.of(new TransportException(CoreErrorCode.TLS, "TLS with the " + protocol + " server failed: "
                        + tls.getMessage(), failure));
            }
        }
        return Optional.empty();
    }

    private Properties properties(String protocol, MssanteSettings.MailEndpoint endpoint, SSLSocketFactory socketFactory,
                                  ExchangeDeadline deadline) {
        String p = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put(p + "host", endpoint.host());
        properties.put(p + "port", String.valueOf(endpoint.port()));
        if (endpoint.implicitTls()) {
            properties.put(p + "ssl.enable", "true");
        } else {
            // Required, not opportunistic: a server that does not offer STARTTLS (or a stripper in the path) gets nothing.
            properties.put(p + "starttls.enable", "true");
            properties.put(p + "starttls.required", "true");
            properties.put(p + "socketFactory", deadline.sockets());
        }
        properties.put(p + "ssl.socketFactory", socketFactory);
        properties.put(p + "ssl.checkserveridentity", "true");
        properties.put(p + "ssl.protocols", String.join(" ", settings.tls().protocols()));
        properties.put(p + "ssl.ciphersuites", String.join(" ", MssanteTls.allowedSuites(settings.tls())));
        properties.put(p + "connectiontimeout", String.valueOf(settings.timeouts().connect().toMillis()));
        properties.put(p + "timeout", String.valueOf(settings.timeouts().read().toMillis()));
        properties.put(p + "writetimeout", String.valueOf(settings.timeouts().read().toMillis()));
        String mechanism = usesToken() ? "XOAUTH2" : "PLAIN";
        properties.put(p + "auth.mechanisms", mechanism);
        properties.put(p + "auth.xoauth2.disable", String.valueOf(!usesToken()));
        properties.put(p + "auth.login.disable", "true");
        if (protocol.equals("smtp")) {
            properties.put(p + "auth", "true");
            properties.put(p + "from", settings.mailbox().address());
            properties.put(p + "localhost", "dui-connect.localdomain");
        } else {
            properties.put(p + "sasl.enable", "false");
            // BODY.PEEK: a message is marked \Seen only once handled (ImapMailbox).
            properties.put(p + "peek", "true");
            properties.put(p + "auth.plain.disable", String.valueOf(usesToken()));
        }
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.store.protocol", "imap");
        return properties;
    }
}
