package fr.duiconnect.harness.pki;

import fr.duiconnect.core.config.KeyStoreMaterial;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.config.TlsConfig;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * A test PKI shaped like the IGC-Santé: a root CA, an intermediate "AC ELEMENTAIRE ORGANISATIONS", and the
 * certificates a structure's software holds (ORG AUTH_CLI for mutual TLS, ORG SIGN for VIHF/XAdES signatures,
 * S/MIME for mail) plus server certificates for the simulators. Generated at run time into a directory, with a
 * random password: no private key is ever committed.
 *
 * <p>Every call to {@link #generate} makes an independent chain, so a second PKI is "an unknown CA" to the first.
 */
public final class TestPki {

    public static final String KEY_ALIAS = "key";

    private final Path directory;
    private final Secret password;
    private final String passwordText;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair intermediateKeys;
    private final X509Certificate intermediate;
    private final KeyStoreMaterial trustStore;
    private final SecureRandom random = new SecureRandom();

    private TestPki(Path directory, String name) throws GeneralSecurityException, IOException, OperatorCreationException {
        this.directory = Files.createDirectories(directory);
        this.passwordText = HexFormat.of().formatHex(random.generateSeed(12));
        this.password = Secret.of(passwordText);
        Files.writeString(directory.resolve("pki.pass"), passwordText, StandardCharsets.UTF_8);
        this.rootKeys = newKeyPair();
        this.root = sign(new X500Name("CN=" + name + " TEST ROOT,OU=IGC-SANTE TEST,O=DUI CONNECT SANDBOX,C=FR"),
                rootKeys, null, null, CertificateProfile.CA);
        this.intermediateKeys = newKeyPair();
        this.intermediate = sign(new X500Name("CN=" + name + " AC TEST ELEMENTAIRE ORGANISATIONS,OU=IGC-SANTE TEST,O=DUI CONNECT SANDBOX,C=FR"),
                intermediateKeys, rootKeys, root, CertificateProfile.CA);
        this.trustStore = writeTrustStore("trust.p12", List.of(root));
        writePem("root-ca.pem", root);
        writePem("chain.pem", intermediate, root);
    }

    /** Generates a new chain into the directory; {@code name} labels its CAs. */
    public static TestPki generate(Path directory, String name) {
        try {
            return new TestPki(directory, name);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the test PKI cannot be generated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestPki generate(Path directory) {
        return generate(directory, "DUI CONNECT");
    }

    public Path directory() { return directory; }

    public Secret password() { return password; }

    /** PKCS#12 trust store holding only this PKI's root. */
    public KeyStoreMaterial trustStore() { return trustStore; }

    public X509Certificate rootCertificate() { return root; }

    public X509Certificate intermediateCertificate() { return intermediate; }

    /** TLS settings that trust this PKI only, without a client certificate. */
    public TlsConfig tlsTrustingThisPki() {
        return TlsConfig.trusting(trustStore);
    }

    /** Server certificate for localhost / 127.0.0.1 (serverAuth). */
    public IssuedCertificate issueServer(String fileName) {
        return issue(fileName, "CN=localhost,OU=SIMULATEUR,O=DUI CONNECT SANDBOX,C=FR", CertificateProfile.SERVER, null);
    }

    /** ORG AUTH_CLI: a structure's authentication certificate for mutual TLS, with the given CN (e.g. INSI-AUTO). */
    public IssuedCertificate issueOrgAuthClient(String fileName, String commonName, String finess) {
        return issue(fileName, "CN=" + commonName + ",OU=" + finess + ",O=ESMS " + finess + ",C=FR", CertificateProfile.CLIENT, null);
    }

    /** ORG SIGN: a structure's signature certificate (VIHF, XAdES). */
    public IssuedCertificate issueOrgSign(String fileName, String commonName, String finess) {
        return issue(fileName, "CN=" + commonName + ",OU=" + finess + ",O=ESMS " + finess + ",C=FR", CertificateProfile.SIGNATURE, null);
    }

    /** S/MIME certificate for a mailbox address (signature and key encipherment, emailProtection). */
    public IssuedCertificate issueSmime(String fileName, String mailbox) {
        return issue(fileName, "CN=" + mailbox + ",O=DUI CONNECT SANDBOX,C=FR", CertificateProfile.SMIME, mailbox);
    }

    private IssuedCertificate issue(String fileName, String subject, CertificateProfile profile, String mailbox) {
        try {
            KeyPair keys = endEntityKeys();
            X509Certificate certificate = sign(new X500Name(subject), keys, intermediateKeys, intermediate, profile, mailbox);
            List<X509Certificate> chain = List.of(certificate, intermediate, root);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(KEY_ALIAS, keys.getPrivate(), passwordText.toCharArray(), chain.toArray(X509Certificate[]::new));
            Path file = directory.resolve(fileName);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, passwordText.toCharArray());
            }
            writePem(fileName.replaceAll("\\.p12$", "") + ".pem", certificate);
            return new IssuedCertificate(fileName, keys.getPrivate(), chain, new KeyStoreMaterial(file, password, KEY_ALIAS));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the test certificate " + fileName + " cannot be issued", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the private key of an issued certificate as unencrypted PKCS#8 PEM, for openssl checks in tests. */
    public Path writePrivateKeyPem(IssuedCertificate issued, String fileName) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(issued.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try {
            return Files.writeString(directory.resolve(fileName), pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum CertificateProfile { CA, SERVER, CLIENT, SIGNATURE, SMIME }

    private X509Certificate sign(X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys, X509Certificate issuer,
                                 CertificateProfile profile) throws GeneralSecurityException, IOException, OperatorCreationException {
        return sign(subject, subjectKeys, issuerKeys, issuer, profile, null);
    }

    private X509Certificate sign(X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys, X509Certificate issuer,
                                 CertificateProfile profile, String mailbox)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        Instant now = Instant.now();
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        KeyPair signer = issuerKeys == null ? subjectKeys : issuerKeys;
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(64, random).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(profile == CertificateProfile.CA ? 3650 : 365))),
                subject, subjectKeys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        if (issuer != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
        }
        switch (profile) {
            case CA -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            case SERVER -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            case CLIENT -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            case SIGNATURE -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            }
            case SMIME -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.rfc822Name, mailbox)));
            }
        }
        var contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    private volatile KeyPair sharedEndEntityKeys;

    /**
     * For benchmarks of many structures: the certificates issued from now on share one key pair (each still has its
     * own subject, FINESS and serial), so that issuing a thousand structures' certificates takes seconds rather than
     * a thousand RSA key generations. Never for tests of the keys themselves.
     */
    public TestPki sharingOneKeyPairFromNowOn() {
        try {
            sharedEndEntityKeys = newKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the shared key pair cannot be generated", e);
        }
        return this;
    }

    private KeyPair endEntityKeys() throws GeneralSecurityException {
        KeyPair shared = sharedEndEntityKeys;
        return shared != null ? shared : newKeyPair();
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private KeyStoreMaterial writeTrustStore(String fileName, List<X509Certificate> anchors) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < anchors.size(); i++) {
            store.setCertificateEntry("anchor-" + i, anchors.get(i));
        }
        Path file = directory.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, passwordText.toCharArray());
        }
        return new KeyStoreMaterial(file, password, null);
    }

    private void writePem(String fileName, X509Certificate... certificates) throws GeneralSecurityException, IOException {
        List<String> blocks = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            blocks.add("-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        }
        Files.writeString(directory.resolve(fileName), String.join("", blocks), StandardCharsets.US_ASCII);
    }
}
