package fr.duiconnect.harness.mssante;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.mssante.IntegrationResult;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.SandboxContext;
import fr.duiconnect.harness.sandbox.SandboxSimulator;
import fr.duiconnect.mssante.XdsMetadataBridge;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * An MSSanté operator on loopback. GreenMail stores the mailboxes and serves IMAP behind the scenes; it cannot do
 * STARTTLS, client-certificate authentication nor PSC token checks, so the simulator puts its own fronts before it:
 * an SMTP submission server (STARTTLS, SASL PLAIN after mutual TLS or XOAUTH2, MSSanté checks, delivery, DSNs,
 * simulated recipients' MDNs) and an IMAP front (STARTTLS, the same authentication, then relayed to GreenMail).
 * Each LPS interface has its own ports: the application-mailbox one requires an ORG AUTH_CLI client certificate.
 */
public final class MssanteOperatorSimulator implements SandboxSimulator {

    public static final String APP_MAILBOX = "ehpad-tilleuls_auto@ehpad.mssante.fr";
    public static final String APP_CLIENT_CN = "EHPAD-TILLEULS-MSSANTE";
    public static final String ORG_MAILBOX = "secretariat@ehpad.mssante.fr";
    public static final String PERSONAL_MAILBOX = "claire.martin@ehpad.mssante.fr";
    /** A hospital doctor whose software integrates what it receives and answers "processed". */
    public static final String HOSPITAL_DOCTOR = "jean.dupont@hopital-a.mssante.fr";
    /** The résident's médecin traitant, whose software integrates what it receives and answers "processed". */
    public static final String TREATING_GP = "dr.leroy@cabinet-a.mssante.fr";
    /** A GP whose software does not know the patient and answers "processed/Error: 902". */
    public static final String GP_UNKNOWN_PATIENT = "medecin.traitant@cabinet-b.mssante.fr";
    /** A mailbox of a trusted domain that does not exist. */
    public static final String UNKNOWN_MAILBOX = "personne@hopital-a.mssante.fr";
    /** An address outside the MSSanté trust space. */
    public static final String UNTRUSTED_ADDRESS = "someone@example.com";

    private final FaultSwitch faults = new FaultSwitch();
    private final OperatorDirectory directory = new OperatorDirectory(Clock.systemUTC());
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private GreenMail greenMail;
    private OperatorDelivery delivery;
    private int smtpApplication;
    private int smtpsApplication;
    private int imapsApplication;
    private int imapApplication;
    private int smtpPsc;
    private int imapPsc;
    private TestPki pki;
    private String backendPassword;

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.MSSANTE;
    }

    @Override
    public void start(SandboxContext context) throws Exception {
        start(context.pki(), context.directory(), context.finess(), context.recordDir());
    }

    /** Starts with certificates from the PKI; files go under the directory. */
    public void start(TestPki testPki, Path dir, String finess, Path recordDir) throws IOException {
        this.pki = testPki;
        directory.trustDomain("patient.mssante.fr").trustDomain("test-ci-sis.mssante.fr")
                .host(APP_MAILBOX, MailboxKind.APPLICATION, APP_CLIENT_CN)
                .host(ORG_MAILBOX, MailboxKind.ORGANISATIONAL, null)
                .host(PERSONAL_MAILBOX, MailboxKind.PERSONAL, null)
                .host(HOSPITAL_DOCTOR, MailboxKind.PERSONAL, null)
                .host(GP_UNKNOWN_PATIENT, MailboxKind.PERSONAL, null)
                .host(TREATING_GP, MailboxKind.PERSONAL, null)
                .autoRespond(HOSPITAL_DOCTOR, IntegrationResult.PROCESSED)
                .autoRespond(TREATING_GP, IntegrationResult.PROCESSED)
                .autoRespond(GP_UNKNOWN_PATIENT, IntegrationResult.unknownPatient());
        byte[] secret = new byte[16];
        new java.security.SecureRandom().nextBytes(secret);
        backendPassword = HexFormat.of().formatHex(secret);
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        greenMail.start();
        running.add(greenMail::stop);
        for (OperatorDirectory.HostedMailbox mailbox : directory.mailboxes()) {
            greenMail.setUser(mailbox.address(), mailbox.address(), backendPassword);
        }
        int backendPort = greenMail.getImap().getPort();
        IssuedCertificate server = testPki.issueServer("mssante-operator.p12");
        ServerTls tls = new ServerTls(testPki, server);
        delivery = new OperatorDelivery(greenMail, directory, new MessageChecks(XdsMetadataBridge.reader()), recordDir);
        Listener smtpApp = listen("mssante-smtp-app", s -> new SmtpSession(s, tls, LpsInterface.APPLICATION, directory, delivery, faults).run());
        Listener smtpPscListener = listen("mssante-smtp-psc", s -> new SmtpSession(s, tls, LpsInterface.PSC, directory, delivery, faults).run());
        Listener imapApp = listen("mssante-imap-app", s -> new ImapSession(s, tls, LpsInterface.APPLICATION, directory, backendPort, backendPassword, faults).run());
        Listener imapPscListener = listen("mssante-imap-psc", s -> new ImapSession(s, tls, LpsInterface.PSC, directory, backendPort, backendPassword, faults).run());
        // Implicit TLS (smtps/imaps), the other form ECO.1.0.1 allows: TLS from the first byte on ports of their own.
        Listener smtpsApp = listen("mssante-smtps-app", s -> new SmtpSession(s, tls, LpsInterface.APPLICATION, directory, delivery, faults, true).run());
        Listener imapsApp = listen("mssante-imaps-app", s -> new ImapSession(s, tls, LpsInterface.APPLICATION, directory, backendPort, backendPassword, faults, true).run());
        smtpsApplication = smtpsApp.port();
        imapsApplication = imapsApp.port();
        smtpApplication = smtpApp.port();
        smtpPsc = smtpPscListener.port();
        imapApplication = imapApp.port();
        imapPsc = imapPscListener.port();

        IssuedCertificate authClient = testPki.issueOrgAuthClient("mssante-auth-cli.p12", APP_CLIENT_CN, finess);
        IssuedCertificate smime = testPki.issueSmime("mssante-smime.p12", APP_MAILBOX);
        Path certificates = Files.createDirectories(dir.resolve("certificates"));
        for (String recipient : List.of(HOSPITAL_DOCTOR, GP_UNKNOWN_PATIENT, TREATING_GP, ORG_MAILBOX, PERSONAL_MAILBOX)) {
            writePem(certificates.resolve(recipient + ".pem"), testPki.issueSmime("smime-" + recipient.replace('@', '_') + ".p12", recipient));
        }
        Path passwordFile = testPki.directory().resolve("pki.pass").toAbsolutePath();
        properties.put("dui.software.homologation.mssante", "SANDBOX-MSS-0001");
        properties.put("dui.mssante.url", "smtp://127.0.0.1:" + smtpApplication);
        properties.put("dui.mssante.option.imap.url", "imap://127.0.0.1:" + imapApplication);
        properties.put("dui.mssante.tls.truststore", testPki.trustStore().path().toAbsolutePath().toString());
        properties.put("dui.mssante.tls.truststore.password.file", passwordFile.toString());
        properties.put("dui.mssante.tls.keystore", authClient.keyStore().path().toAbsolutePath().toString());
        properties.put("dui.mssante.tls.keystore.password.file", passwordFile.toString());
        properties.put("dui.mssante.tls.keystore.alias", TestPki.KEY_ALIAS);
        properties.put("dui.mssante.timeout.connect", "PT5S");
        properties.put("dui.mssante.timeout.read", "PT15S");
        properties.put("dui.mssante.option.mailbox", APP_MAILBOX);
        properties.put("dui.mssante.option.mailbox.kind", "application");
        properties.put("dui.mssante.option.mailbox.unit", "EHPAD Les Tilleuls");
        properties.put("dui.mssante.option.reply-to", ORG_MAILBOX);
        properties.put("dui.mssante.option.finess", finess);
        properties.put("dui.mssante.option.poll.interval", "off");
        // The operator's MTA reports delivery for every recipient domain it serves (#19 point 3).
        properties.put("dui.mssante.option.receipts.operators", OperatorDelivery.OPERATOR_DOMAIN);
        properties.put("dui.mssante.option.smime.policy", "sign");
        properties.put("dui.mssante.option.smime.keystore", smime.keyStore().path().toAbsolutePath().toString());
        properties.put("dui.mssante.option.smime.keystore.password.file", passwordFile.toString());
        properties.put("dui.mssante.option.smime.certificates", certificates.toAbsolutePath().toString());
    }

    private Listener listen(String name, Listener.Handler handler) throws IOException {
        Listener listener = new Listener(name, handler);
        running.add(listener);
        return listener;
    }

    private static void writePem(Path file, IssuedCertificate certificate) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who the operator hosts, trusts and which tokens it accepts (tests add mailboxes and tokens here). */
    public OperatorDirectory directory() {
        return directory;
    }

    /** Hosts a new mailbox (and its GreenMail store). */
    public void host(String address, MailboxKind kind, String clientCertificateCn) {
        directory.host(address, kind, clientCertificateCn);
        greenMail.setUser(address.toLowerCase(java.util.Locale.ROOT), address.toLowerCase(java.util.Locale.ROOT), backendPassword);
    }

    /** The messages delivered to a mailbox so far (DSNs and MDNs included). */
    public List<MimeMessage> mailbox(String address) {
        String key = address.toLowerCase(java.util.Locale.ROOT);
        return greenMail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(key), message -> true).toList();
    }

    /**
     * Empties a mailbox and returns its messages as stored, in arrival order (to put back with {@link #inject}).
     * GreenMail answers each IMAP FETCH in time quadratic in the mailbox's size (it looks every message's sequence
     * number up through the whole list): a reader of thousands of messages, such as the nothing-lost run's recipient,
     * takes them out and puts them back a round at a time.
     */
    public List<byte[]> takeAll(String address) {
        String key = address.toLowerCase(java.util.Locale.ROOT);
        try {
            var inbox = inboxOf(key);
            List<byte[]> taken = new java.util.ArrayList<>();
            for (var stored : inbox.getMessages()) {
                java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                stored.getMimeMessage().writeTo(raw);
                taken.add(raw.toByteArray());
            }
            inbox.deleteAllMessages();
            return taken;
        } catch (com.icegreen.greenmail.store.FolderException | jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException("the mailbox " + key + " cannot be emptied", e);
        }
    }

    /** Empties a mailbox, its messages dropped (once read, nothing needs them back). */
    public void empty(String address) {
        String key = address.toLowerCase(java.util.Locale.ROOT);
        try {
            inboxOf(key).deleteAllMessages();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("the mailbox " + key + " cannot be emptied", e);
        }
    }

    private com.icegreen.greenmail.store.MailFolder inboxOf(String key) throws com.icegreen.greenmail.store.FolderException {
        return greenMail.getManagers().getImapHostManager().getInbox(greenMail.getUserManager().getUserByEmail(key));
    }

    /**
     * Drops raw bytes into a mailbox as they are, past the operator's checks: what a hostile or broken peer (another
     * operator, a forger) can get into it (see {@code fr.duiconnect.harness.mssante.hostile.HostileMail}).
     */
    public void inject(String address, byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(raw));
            greenMail.getUserManager().getUserByEmail(address.toLowerCase(java.util.Locale.ROOT)).deliver(message);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalArgumentException("not a readable message", e);
        }
    }

    public long acceptedCount() {
        return delivery.acceptedCount();
    }

    public long refusedCount() {
        return delivery.refusedCount();
    }

    public TestPki pki() {
        return pki;
    }

    public int smtpApplicationPort() { return smtpApplication; }

    /** The application-mailbox interface with implicit TLS (smtps): TLS from the first byte, no STARTTLS. */
    public int smtpsApplicationPort() { return smtpsApplication; }

    /** The application-mailbox interface with implicit TLS (imaps). */
    public int imapsApplicationPort() { return imapsApplication; }

    public int imapApplicationPort() { return imapApplication; }

    public int smtpPscPort() { return smtpPsc; }

    public int imapPscPort() { return imapPsc; }

    @Override
    public Map<String, String> connectorProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public FaultSwitch faults() {
        return faults;
    }

    @Override
    public String describe() {
        return "smtp://127.0.0.1:" + smtpApplication + " imap://127.0.0.1:" + imapApplication
                + " (application mailboxes, mutual TLS); smtp://127.0.0.1:" + smtpPsc + " imap://127.0.0.1:" + imapPsc + " (PSC/XOAUTH2)";
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
        running.clear();
    }

}
