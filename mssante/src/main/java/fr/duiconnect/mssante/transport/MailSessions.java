package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.mssante.MssanteSettings;
import jakarta.mail.Session;

import javax.net.ssl.SSLSocketFactory;
import java.util.Properties;

/**
 * Jakarta Mail sessions for the MSSanté interface, one set of properties per client (never System properties):
 * STARTTLS required (ECO.1.0.1-2), the client's own TLS socket factory with the server identity checked, finite
 * connect/read/write timeouts, and the SASL mechanism of the mailbox kind: PLAIN after mutual TLS for an
 * application mailbox (ECO.1.3.1), XOAUTH2 with the PSC token otherwise (ECO.1.2.1).
 */
public final class MailSessions {

    private final MssanteSettings settings;
    private final SSLSocketFactory socketFactory;

    public MailSessions(MssanteSettings settings) {
        this.settings = settings;
        this.socketFactory = MssanteTls.socketFactory(settings.tls());
    }

    public Session smtp() {
        return Session.getInstance(properties("smtp", settings.smtp()));
    }

    public Session imap() {
        return Session.getInstance(properties("imap", settings.imap()));
    }

    public boolean usesToken() {
        return settings.mailbox().kind() != MailboxKind.APPLICATION;
    }

    private Properties properties(String protocol, MssanteSettings.MailEndpoint endpoint) {
        String p = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put(p + "host", endpoint.host());
        properties.put(p + "port", String.valueOf(endpoint.port()));
        properties.put(p + "starttls.enable", "true");
        properties.put(p + "starttls.required", "true");
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
