package fr.duiconnect.mssante;

import fr.duiconnect.mssante.smime.SmimeCredentials;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

/**
 * A small CA made in the test (the harness' TestPki depends on this module, so module tests cannot use it):
 * a root and S/MIME leaves for mailboxes. Each instance is an independent chain.
 */
public final class TestCertificates {

    private final KeyPair rootKeys;
    private final X509Certificate root;
    private long serial = 1;

    public TestCertificates(String name) {
        try {
            rootKeys = keys();
            root = certificate(new X500Name("CN=" + name + " TEST ROOT,O=DUI CONNECT TEST,C=FR"), rootKeys, null, true, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    public SmimeCredentials smime(String mailbox) {
        try {
            KeyPair keys = keys();
            X509Certificate leaf = certificate(new X500Name("CN=" + mailbox + ",O=DUI CONNECT TEST,C=FR"), keys, rootKeys, false, mailbox);
            return new SmimeCredentials(keys.getPrivate(), List.of(leaf, root));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private X509Certificate certificate(X500Name subject, KeyPair keys, KeyPair issuerKeys, boolean ca, String mailbox) throws Exception {
        Instant now = Instant.now();
        X500Name issuer = issuerKeys == null ? subject : X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial++), Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(30, ChronoUnit.DAYS)), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, mailbox)));
        }
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build((issuerKeys == null ? keys : issuerKeys).getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
