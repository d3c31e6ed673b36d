package fr.duiconnect.mssante;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.KeyStoreMaterial;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.config.Timeouts;
import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.mssante.Mailbox;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.core.mssante.SmimePolicy;
import fr.duiconnect.mssante.compose.ComposerSettings;
import fr.duiconnect.mssante.receive.ReceiptPolicy;
import fr.duiconnect.mssante.smime.SmimeCredentials;
import fr.duiconnect.mssante.xdm.XdmLimits;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The MSSanté module's configuration, read from the endpoint {@code dui.mssante.*}:
 *
 * <pre>
 * dui.mssante.url=smtp://smtp.operateur.mssante.fr:587          (SMTP submission, STARTTLS required; smtps:// = implicit TLS)
 * dui.mssante.option.imap.url=imap://imap.operateur.mssante.fr:143
 * dui.mssante.tls.truststore=...  (IGC-Santé anchors)   dui.mssante.tls.keystore=... (ORG AUTH_CLI, application mailbox)
 * dui.mssante.option.mailbox=ehpad_auto@ehpad.mssante.fr
 * dui.mssante.option.mailbox.kind=application             (application | organisational | personal)
 * dui.mssante.option.mailbox.unit=EHPAD Les Tilleuls      (entité fonctionnelle, display name)
 * dui.mssante.option.reply-to=secretariat@ehpad.mssante.fr (answers to an application mailbox)
 * dui.mssante.option.auth.password.file=...               (SASL PLAIN password; content UNCONFIRMED, default empty)
 * dui.mssante.option.auth.token.file=...                  (XOAUTH2 token file, when no TokenProvider is given in code)
 * dui.mssante.option.smime.policy=off | sign | sign+encrypt
 * dui.mssante.option.smime.keystore=...  dui.mssante.option.smime.keystore.password.file=...
 * dui.mssante.option.smime.certificates=DIR               (recipients' certificates, DIR/&lt;address&gt;.pem)
 * dui.mssante.option.poll.interval=PT1M                   (IMAP polling; "off" to disable)
 * dui.mssante.option.poll.structures-per-tick=20         (registry structures' inboxes read per tick, in turn)
 * dui.mssante.option.xdm.max-entries / max-total-bytes / max-entry-bytes / max-ratio
 * dui.mssante.option.xdm.content-type-code=code|system|libellé
 * dui.mssante.option.codecda=repeat | comma
 * dui.mssante.option.receipts.operators=... receipts.signed-by=...   (who may settle a sent message, see ReceiptPolicy)
 * dui.mssante.option.inbox.max-message-bytes=26214400     (checked on RFC822.SIZE before download, and while downloading)
 * dui.mssante.option.inbox.message-budget=PT40S           (time to download one message; default connect + read timeouts)
 * dui.mssante.option.mdn.auto=false                       (true: answer MDN requests once decoded, see InboxService)
 * dui.software.homologation.mssante=DEV935997             (X-MSS-NIL)
 * </pre>
 */
public record MssanteSettings(MailEndpoint smtp, MailEndpoint imap, Mailbox mailbox, String replyTo, TlsConfig tls,
                              Timeouts timeouts, Secret plainPassword, Path tokenFile, SmimePolicy smimePolicy,
                              SmimeCredentials smimeKey, Path recipientCertificates, List<X509Certificate> smimeAnchors,
                              XdmLimits xdmLimits, ComposerSettings composer, Duration pollInterval, String finess,
                              boolean autoReadReceipt, ReceiptPolicy receipts, long maxMessageBytes, Duration messageBudget) {

    /** Mon espace santé accepts 25 MB in total; the operators' own limits are not published (UNCONFIRMED). */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 25L * 1024 * 1024;

    /**
     * Host and port of an SMTP or IMAP service, and how TLS starts: STARTTLS, required ({@code smtp://}, {@code imap://},
     * ECO.1.0.1-2), or implicit TLS ({@code smtps://}, {@code imaps://}). There is no cleartext setting: any other
     * scheme is refused at start (#19 point 1).
     */
    public record MailEndpoint(String host, int port, boolean implicitTls) {
        static MailEndpoint parse(String value, String scheme, int defaultPort, int defaultTlsPort, String property) {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(property, "must be " + scheme + "://host:port");
            }
            boolean implicit = (scheme + "s").equals(uri.getScheme());
            if (!(implicit || scheme.equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigurationException(property, "must be " + scheme + "://host:port (STARTTLS, required) or "
                        + scheme + "s://host:port (implicit TLS): mail never travels in clear");
            }
            int port = uri.getPort() > 0 ? uri.getPort() : implicit ? defaultTlsPort : defaultPort;
            return new MailEndpoint(uri.getHost(), port, implicit);
        }
    }

    public static MssanteSettings from(EndpointConfig endpoint, SoftwareIdentity software) {
        MailEndpoint smtp = MailEndpoint.parse(endpoint.url().toString(), "smtp", 587, 465, "dui.mssante.url");
        MailEndpoint imap = MailEndpoint.parse(endpoint.option("imap.url").orElse("imap://" + smtp.host() + ":143"), "imap", 143, 993,
                "dui.mssante.option.imap.url");
        TlsConfig tls = endpoint.tlsIfAny().orElseThrow(() -> new ConfigurationException("dui.mssante.tls.truststore",
                "MSSanté needs TLS with the IGC-Santé anchors of the configuration (ECO.1.1.10)"));
        MailboxKind kind = MailboxKind.parse(endpoint.option("mailbox.kind").orElse("application"));
        String address = endpoint.requiredOption("mailbox");
        Mailbox mailbox = switch (kind) {
            case PERSONAL -> Mailbox.personal(address, endpoint.option("mailbox.title").orElse(null),
                    endpoint.requiredOption("mailbox.given-name"), endpoint.requiredOption("mailbox.family-name"),
                    endpoint.option("mailbox.unit").orElse(null));
            case ORGANISATIONAL -> Mailbox.organisational(address, endpoint.requiredOption("mailbox.unit"));
            case APPLICATION -> Mailbox.application(address, endpoint.requiredOption("mailbox.unit"));
        };
        if (kind == MailboxKind.APPLICATION && tls.clientKey() == null) {
            throw new ConfigurationException("dui.mssante.tls.keystore",
                    "an application mailbox authenticates with its ORG AUTH_CLI certificate (ECO.1.3.1)");
        }
        Secret password = endpoint.option("auth.password.file").map(f -> Secret.fromFile(Path.of(f))).orElse(Secret.of(""));
        Path tokenFile = endpoint.option("auth.token.file").map(Path::of).orElse(null);
        SmimePolicy policy = SmimePolicy.parse(endpoint.option("smime.policy").orElse("off"));
        SmimeCredentials smimeKey = endpoint.option("smime.keystore").map(path -> SmimeCredentials.load(new KeyStoreMaterial(Path.of(path),
                Secret.fromFile(Path.of(endpoint.requiredOption("smime.keystore.password.file"))),
                endpoint.option("smime.keystore.alias").orElse(null)))).orElse(null);
        if (policy != SmimePolicy.OFF && smimeKey == null) {
            throw new ConfigurationException("dui.mssante.option.smime.keystore", "the S/MIME policy " + policy + " needs the structure's S/MIME key");
        }
        Path certificates = endpoint.option("smime.certificates").map(Path::of).orElse(null);
        if (policy == SmimePolicy.SIGN_AND_ENCRYPT && certificates == null) {
            throw new ConfigurationException("dui.mssante.option.smime.certificates", "encryption needs the recipients' certificates");
        }
        List<X509Certificate> anchors = anchors(endpoint.option("smime.truststore")
                .map(path -> new KeyStoreMaterial(Path.of(path), Secret.fromFile(Path.of(endpoint.requiredOption("smime.truststore.password.file"))), null))
                .orElse(tls.trustStore()));
        String nil = software.homologation("mssante").orElse(null);
        Code contentType = endpoint.option("xdm.content-type-code").map(MssanteSettings::code).orElse(ComposerSettings.DEFAULT_CONTENT_TYPE);
        String replyTo = endpoint.option("reply-to").orElse(null);
        ComposerSettings composer = new ComposerSettings(nil, mailbox, replyTo, software, contentType,
                endpoint.option("xdm.source-id").orElse(ComposerSettings.oidOf(software.installationId())),
                !"comma".equals(endpoint.option("codecda").orElse("repeat")));
        Duration pollInterval = pollInterval(endpoint);
        return new MssanteSettings(smtp, imap, mailbox, replyTo, tls, endpoint.timeouts(), password, tokenFile, policy, smimeKey,
                certificates, anchors, XdmLimits.from(endpoint), composer, pollInterval, endpoint.option("finess").orElse(null),
                Boolean.parseBoolean(endpoint.option("mdn.auto").orElse("false")),
                ReceiptPolicy.parse(endpoint.option("receipts.operators").orElse(null), endpoint.option("receipts.signed-by").orElse(null)),
                positive(endpoint.option("inbox.max-message-bytes").orElse(String.valueOf(DEFAULT_MAX_MESSAGE_BYTES)), "dui.mssante.option.inbox.max-message-bytes"),
                duration(endpoint.option("inbox.message-budget").orElse(endpoint.timeouts().exchange().toString()), "dui.mssante.option.inbox.message-budget"));
    }

    /** {@code poll.interval}: null when "off". */
    static Duration pollInterval(EndpointConfig endpoint) {
        String poll = endpoint.option("poll.interval").orElse("PT1M");
        return "off".equalsIgnoreCase(poll) ? null : Duration.parse(poll);
    }

    /** {@code poll.structures-per-tick}: how many registry structures' inboxes one poll tick reads, in turn. */
    static int structuresPolledPerTick(EndpointConfig endpoint) {
        return (int) positive(endpoint.option("poll.structures-per-tick").orElse("20"), "dui.mssante.option.poll.structures-per-tick");
    }

    private static long positive(String value, String property) {
        try {
            long result = Long.parseLong(value.strip());
            if (result > 0) {
                return result;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigurationException(property, "must be a positive number of bytes");
    }

    private static Duration duration(String value, String property) {
        try {
            Duration result = Duration.parse(value.strip());
            if (!result.isZero() && !result.isNegative()) {
                return result;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // refused below
        }
        throw new ConfigurationException(property, "must be a positive ISO-8601 duration (e.g. PT60S), never infinite");
    }

    private static Code code(String value) {
        String[] parts = value.split("\\|", -1);
        // the libellé is the XDS display name (rim:Name), never written empty: refused here, at start
        if (parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new ConfigurationException("dui.mssante.option.xdm.content-type-code", "must be code|codeSystem|libellé (the libellé is the display name)");
        }
        return Code.of(parts[0], parts[1], parts[2]);
    }

    private static List<X509Certificate> anchors(KeyStoreMaterial material) {
        var store = material.load();
        List<X509Certificate> result = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias)) {
                    result.add((X509Certificate) store.getCertificate(alias));
                }
            }
        } catch (KeyStoreException e) {
            throw new ConfigurationException(material.path().toString(), "the trust store cannot be read", e);
        }
        return List.copyOf(result);
    }
}
