package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.mssante.MailboxKind;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

/**
 * The operator's authentication rules, shared by its SMTP and IMAP fronts: on the application interface, SASL PLAIN
 * for an application mailbox whose ORG AUTH_CLI certificate (already verified by the TLS handshake) carries the
 * expected CN; on the PSC interface, SASL XOAUTH2 with a live token of a personal or organisational mailbox.
 */
final class SaslCheck {

    /** The JSON error an operator returns for a rejected token ([obs] task-354). */
    static final String XOAUTH2_ERROR = Base64.getEncoder().encodeToString(
            "{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"mail\"}".getBytes(StandardCharsets.US_ASCII));

    private final OperatorDirectory directory;
    private final LpsInterface lps;

    SaslCheck(OperatorDirectory directory, LpsInterface lps) {
        this.directory = directory;
        this.lps = lps;
    }

    /** The authenticated mailbox, or empty when refused. */
    Optional<String> check(String mechanism, String base64Response, SSLSocket socket) {
        if (!lps.mechanism().equalsIgnoreCase(mechanism)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(base64Response.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (lps == LpsInterface.APPLICATION) {
            String[] fields = decoded.split("\u0000", -1);
            if (fields.length != 3) {
                return Optional.empty();
            }
            String user = fields[1];
            var mailbox = directory.mailbox(user);
            if (mailbox.isEmpty() || mailbox.get().kind() != MailboxKind.APPLICATION) {
                return Optional.empty();
            }
            String expectedCn = mailbox.get().clientCertificateCn();
            return clientCn(socket).filter(cn -> expectedCn == null || expectedCn.equals(cn)).map(cn -> mailbox.get().address());
        }
        // XOAUTH2: "user=" addr ^A "auth=Bearer " token ^A ^A
        String user = null;
        String token = null;
        for (String field : decoded.split("\u0001")) {
            if (field.startsWith("user=")) {
                user = field.substring(5);
            } else if (field.startsWith("auth=Bearer ")) {
                token = field.substring(12);
            }
        }
        if (user == null || token == null) {
            return Optional.empty();
        }
        var mailbox = directory.mailbox(user);
        if (mailbox.isEmpty() || mailbox.get().kind() == MailboxKind.APPLICATION || !directory.tokenValid(user, token)) {
            return Optional.empty();
        }
        return Optional.of(mailbox.get().address());
    }

    private static Optional<String> clientCn(SSLSocket socket) {
        try {
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            for (String part : certificate.getSubjectX500Principal().getName().split(",")) {
                if (part.startsWith("CN=")) {
                    return Optional.of(part.substring(3));
                }
            }
            return Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }
}
