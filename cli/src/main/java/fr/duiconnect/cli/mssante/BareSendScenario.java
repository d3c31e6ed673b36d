package fr.duiconnect.cli.mssante;

import fr.duiconnect.harness.mssante.BenchMessages;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.sandbox.Sandbox;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * {@code dui-connect bench mssante-send-bare}: the baseline: the same message (the same IHE_XDM.ZIP bytes, PDF and
 * headers) assembled by hand with Jakarta Mail, signed and encrypted with Bouncy Castle, and sent with Angus Mail
 * over the same STARTTLS + mutual TLS + PLAIN session kept open between messages (as the connector keeps its own),
 * with no checks, no journal and no Camel.
 */
public class BareSendScenario implements BenchScenario, AutoCloseable {

    private final Provider provider = new BouncyCastleProvider();
    private Session session;
    private byte[] xdm;
    private byte[] pdf;
    private PrivateKey key;
    private List<X509Certificate> chain;
    private X509Certificate recipient;
    private Transport transport;

    @Override public String name() { return "mssante-send-bare"; }

    @Override public String description() {
        return "baseline: the same message by hand with Angus Mail + Bouncy Castle (sign + encrypt + submit), no connector";
    }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.MSSANTE); }

    @Override
    public void setUp(DuiConnector connector, Sandbox sandbox) throws Exception {
        EndpointConfig endpoint = connector.config().endpoint(ServiceSocle.MSSANTE);
        String finess = endpoint.option("finess").orElse(Sandbox.TEST_FINESS);
        pdf = BenchMessages.pdf();
        xdm = xdmOf(connector.mssante().prepare(BenchMessages.message(0, finess, pdf)).rfc822());
        TlsConfig tls = endpoint.tls();
        URI url = endpoint.url();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", url.getHost());
        properties.put("mail.smtp.port", String.valueOf(url.getPort()));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.socketFactory", tls.sslContext().getSocketFactory());
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.auth.mechanisms", "PLAIN");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "15000");
        session = Session.getInstance(properties);
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] password = Files.readString(Path.of(endpoint.requiredOption("smime.keystore.password.file"))).strip().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(endpoint.requiredOption("smime.keystore")))) {
            store.load(in, password);
        }
        String alias = store.aliases().nextElement();
        key = (PrivateKey) store.getKey(alias, password);
        chain = java.util.Arrays.stream(store.getCertificateChain(alias)).map(c -> (X509Certificate) c).toList();
        try (InputStream in = Files.newInputStream(Path.of(endpoint.requiredOption("smime.certificates"))
                .resolve(MssanteOperatorSimulator.HOSPITAL_DOCTOR + ".pem"))) {
            recipient = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static byte[] xdmOf(byte[] rfc822) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(rfc822));
        return find(message);
    }

    private static byte[] find(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = find(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        } else if ("IHE_XDM.ZIP".equals(part.getFileName())) {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
        return null;
    }

    @Override
    public void run(int index) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(MssanteOperatorSimulator.APP_MAILBOX, "EHPAD Les Tilleuls", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MssanteOperatorSimulator.HOSPITAL_DOCTOR));
        message.setReplyTo(new InternetAddress[] {new InternetAddress(MssanteOperatorSimulator.ORG_MAILBOX)});
        message.setSubject("XDM/1.0/DDM+DOSSIER DE LIAISON D'URGENCE MARTIN Louise 07/02/1940", "UTF-8");
        message.setHeader("X-MSS-NIL", "SANDBOX-MSS-0001");
        message.setHeader("X-MSS-CODECDA", "74207-2");
        message.setHeader("X-MSS-INS", "O");
        message.setHeader("Return-Receipt-To", MssanteOperatorSimulator.APP_MAILBOX);
        message.setHeader("Disposition-Notification-To", MssanteOperatorSimulator.APP_MAILBOX);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Bonjour,\r\nveuillez trouver ci-joint le DLU de Mme MARTIN.", "UTF-8");
        mixed.addBodyPart(text);
        mixed.addBodyPart(attachment(xdm, "application/zip", "IHE_XDM.ZIP"));
        mixed.addBodyPart(attachment(pdf, "application/pdf", "DLU.pdf"));
        MimeBodyPart content = new MimeBodyPart();
        content.setContent(mixed);
        SMIMESignedGenerator signer = new SMIMESignedGenerator();
        signer.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(provider).build("SHA256withRSA", key, chain.get(0)));
        signer.addCertificates(new JcaCertStore(chain));
        MimeBodyPart signed = new MimeBodyPart();
        signed.setContent(signer.generate(content));
        SMIMEEnvelopedGenerator envelope = new SMIMEEnvelopedGenerator();
        envelope.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient).setProvider(provider));
        envelope.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(chain.get(0)).setProvider(provider));
        MimeBodyPart encrypted = envelope.generate(signed, new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(provider).build());
        message.setContent(encrypted.getContent(), encrypted.getContentType());
        message.saveChanges();
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@ehpad.mssante.fr>");
        synchronized (this) {
            if (transport == null || !transport.isConnected()) {
                transport = session.getTransport("smtp");
                transport.connect(MssanteOperatorSimulator.APP_MAILBOX, "");
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (transport != null) {
            transport.close();
        }
    }

    private static MimeBodyPart attachment(byte[] bytes, String type, String name) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(name);
        return part;
    }
}
