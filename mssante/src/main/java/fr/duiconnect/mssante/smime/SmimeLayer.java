package fr.duiconnect.mssante.smime;

import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.mssante.SignatureStatus;
import fr.duiconnect.mssante.MssanteErrorCode;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.smime.SMIMECapabilitiesAttribute;
import org.bouncycastle.asn1.smime.SMIMECapability;
import org.bouncycastle.asn1.smime.SMIMECapabilityVector;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.mail.smime.SMIMEEnveloped;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.bouncycastle.operator.OperatorCreationException;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The optional end-to-end S/MIME layer (RFC 8551) on top of the mandatory TLS: detached {@code multipart/signed}
 * with RSA / SHA-256, and CMS EnvelopedData with AES-256-CBC, both readable by {@code openssl cms}. The Bouncy
 * Castle provider is used as an instance, never registered in the JVM (no global state).
 */
public final class SmimeLayer {

    /**
     * One provider for every layer: it is an immutable table of algorithm implementations, holding no key and no
     * setting, but 1.1 MB of heap and some 300 ms to build. An instance per structure made each MSSanté structure's
     * first exchange cost that (#21: 100 mailboxes, 115 MB). Still never registered in {@code java.security.Security}.
     */
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private final Provider provider = PROVIDER;
    private final Set<TrustAnchor> anchors;

    /** @param trustAnchors CA certificates a signer must chain to (IGC-Santé roots from configuration) */
    public SmimeLayer(Collection<X509Certificate> trustAnchors) {
        this.anchors = new HashSet<>();
        for (X509Certificate anchor : trustAnchors) {
            anchors.add(new TrustAnchor(anchor, null));
        }
    }

    /** Replaces the message's content by a detached signature over it; headers stay outside, readable by the operator. */
    public void sign(MimeMessage message, SmimeCredentials credentials) {
        try {
            String messageId = message.getMessageID();
            MimeBodyPart content = contentOf(message);
            SMIMECapabilityVector capabilities = new SMIMECapabilityVector();
            capabilities.addCapability(SMIMECapability.aES256_CBC);
            capabilities.addCapability(SMIMECapability.aES128_CBC);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new SMIMECapabilitiesAttribute(capabilities));
            SMIMESignedGenerator generator = new SMIMESignedGenerator();
            generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(provider)
                    .setSignedAttributeGenerator(new AttributeTable(attributes))
                    .build("SHA256withRSA", credentials.privateKey(), credentials.certificate()));
            generator.addCertificates(new JcaCertStore(credentials.chain()));
            MimeMultipart signed = generator.generate(content);
            message.setContent(signed);
            message.saveChanges();
            message.setHeader("Message-ID", messageId);
        } catch (MessagingException | GeneralSecurityException | OperatorCreationException | SMIMEException e) {
            throw new ConfigurationException("smime.keystore", "the message cannot be signed: " + e.getMessage(), e);
        }
    }

    /** Encrypts the message's content for the recipients' certificates (and the sender's, to read its sent mail). */
    public void encrypt(MimeMessage message, List<X509Certificate> recipients) {
        if (recipients.isEmpty()) {
            throw new InvalidInputException(MssanteErrorCode.SMIME_CONFIGURATION, "recipients", "no certificate to encrypt for");
        }
        try {
            String messageId = message.getMessageID();
            MimeBodyPart content = contentOf(message);
            SMIMEEnvelopedGenerator generator = new SMIMEEnvelopedGenerator();
            for (X509Certificate recipient : recipients) {
                generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient).setProvider(provider));
            }
            MimeBodyPart enveloped = generator.generate(content,
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(provider).build());
            message.setContent(enveloped.getContent(), enveloped.getContentType());
            message.saveChanges();
            message.setHeader("Content-Transfer-Encoding", "base64");
            message.setHeader("Content-Disposition", "attachment; filename=\"smime.p7m\"");
            message.setHeader("Message-ID", messageId);
        } catch (MessagingException | GeneralSecurityException | CMSException | SMIMEException | IOException e) {
            throw new InvalidInputException(MssanteErrorCode.SMIME_CONFIGURATION, "recipients", "the message cannot be encrypted: " + e.getMessage());
        }
    }

    /**
     * Takes the S/MIME layers off a received message: decrypts with the key when enveloped, then verifies a detached
     * or opaque signature (signature and chain to a configured anchor). A message without S/MIME comes back as is.
     *
     * @param credentials the key to decrypt with, or null when none is configured
     */
    public UnwrappedContent unwrap(MimeMessage message, SmimeCredentials credentials) {
        try {
            Part current = message;
            boolean encrypted = false;
            if (isEnveloped(current)) {
                if (credentials == null) {
                    throw new InvalidInputException(MssanteErrorCode.SMIME_DECRYPTION, "message", "is encrypted and no S/MIME key is configured");
                }
                SMIMEEnveloped enveloped = new SMIMEEnveloped(message);
                RecipientInformation recipient = enveloped.getRecipientInfos().get(new JceKeyTransRecipientId(credentials.certificate()));
                if (recipient == null) {
                    throw new InvalidInputException(MssanteErrorCode.SMIME_DECRYPTION, "message", "is not encrypted for the configured certificate");
                }
                byte[] clear = recipient.getContent(new JceKeyTransEnvelopedRecipient(credentials.privateKey()).setProvider(provider));
                current = SMIMEUtil.toMimeBodyPart(clear);
                encrypted = true;
            }
            if (current.isMimeType("multipart/signed")) {
                // RFC 1847: the signed content, then the signature; a message cut short (or forged) may hold less.
                if (!(current.getContent() instanceof MimeMultipart parts) || parts.getCount() != 2) {
                    throw new InvalidInputException(MssanteErrorCode.MESSAGE_MALFORMED, "message",
                            "a multipart/signed holds the signed content and its signature, two parts (RFC 1847)");
                }
                SMIMESigned signed = new SMIMESigned(parts);
                return verified(signed, signed.getContent(), encrypted);
            }
            if (isOpaqueSigned(current)) {
                SMIMESigned signed = new SMIMESigned(current);
                return verified(signed, signed.getContent(), encrypted);
            }
            return new UnwrappedContent(current, SignatureStatus.UNSIGNED, null, encrypted, null);
        } catch (CMSException e) {
            throw new InvalidInputException(MssanteErrorCode.SMIME_DECRYPTION, "message", "the S/MIME structure cannot be read: " + e.getMessage());
        } catch (MessagingException | IOException | SMIMEException e) {
            throw new InvalidInputException(MssanteErrorCode.MESSAGE_MALFORMED, "message", "the S/MIME content cannot be read: " + e.getMessage());
        }
    }

    private UnwrappedContent verified(SMIMESigned signed, MimeBodyPart content, boolean encrypted) {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return new UnwrappedContent(content, SignatureStatus.INVALID, null, encrypted, "no signer");
        }
        String subject = null;
        List<String> addresses = new ArrayList<>();
        try {
            for (SignerInformation signer : signers) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
                if (matches.isEmpty()) {
                    return new UnwrappedContent(content, SignatureStatus.INVALID, null, encrypted, "the signer certificate is absent");
                }
                X509Certificate certificate = new JcaX509CertificateConverter().setProvider(provider).getCertificate(matches.iterator().next());
                subject = certificate.getSubjectX500Principal().getName();
                addresses.addAll(emailsOf(certificate));
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(certificate))) {
                    return new UnwrappedContent(content, SignatureStatus.INVALID, subject, encrypted, "the signature does not match the content");
                }
                String chainFailure = chainFailure(certificate, signed);
                if (chainFailure != null) {
                    return new UnwrappedContent(content, SignatureStatus.INVALID, subject, encrypted, chainFailure);
                }
            }
            return new UnwrappedContent(content, SignatureStatus.VERIFIED, subject, encrypted, null, addresses);
        } catch (CMSException | GeneralSecurityException | OperatorCreationException e) {
            return new UnwrappedContent(content, SignatureStatus.INVALID, subject, encrypted, e.getMessage());
        }
    }

    /**
     * PKIX path from the signer to a configured anchor. Revocation is not checked here: the IGC-Santé CRLs are
     * fetched by the deployment (ECO.1.1.6 concerns the TLS server certificate); UNCONFIRMED for S/MIME.
     */
    private String chainFailure(X509Certificate signer, SMIMESigned signed) throws GeneralSecurityException {
        if (anchors.isEmpty()) {
            return "no S/MIME trust anchor is configured";
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(signer);
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> all = signed.getCertificates().getMatches(null);
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(provider);
        X509Certificate current = signer;
        for (int depth = 0; depth < 5; depth++) {
            X509Certificate issuer = null;
            for (X509CertificateHolder holder : all) {
                X509Certificate candidate = converter.getCertificate(holder);
                if (!candidate.equals(current) && candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && !candidate.getSubjectX500Principal().equals(candidate.getIssuerX500Principal())) {
                    issuer = candidate;
                }
            }
            if (issuer == null) {
                break;
            }
            path.add(issuer);
            current = issuer;
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(new Date());
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return null;
        } catch (java.security.cert.CertPathValidatorException e) {
            return "the signer does not chain to a configured anchor: " + e.getMessage();
        }
    }

    private static List<String> emailsOf(X509Certificate certificate) throws java.security.cert.CertificateParsingException {
        List<String> result = new ArrayList<>();
        if (certificate.getSubjectAlternativeNames() != null) {
            for (List<?> name : certificate.getSubjectAlternativeNames()) {
                if (Integer.valueOf(1).equals(name.get(0))) {
                    result.add(String.valueOf(name.get(1)));
                }
            }
        }
        for (org.bouncycastle.asn1.x500.RDN rdn : org.bouncycastle.asn1.x500.X500Name.getInstance(
                certificate.getSubjectX500Principal().getEncoded()).getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.EmailAddress)) {
            result.add(rdn.getFirst().getValue().toString());
        }
        return result;
    }

    private static MimeBodyPart contentOf(MimeMessage message) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        try {
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                part.setContent(multipart);
            } else {
                part.setContent(content, message.getContentType());
                String encoding = message.getEncoding();
                if (encoding != null) {
                    part.setHeader("Content-Transfer-Encoding", encoding);
                }
            }
        } catch (IOException e) {
            throw new MessagingException("the message content cannot be read", e);
        }
        return part;
    }

    private static boolean isEnveloped(Part part) throws MessagingException {
        String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(java.util.Locale.ROOT);
        return (part.isMimeType("application/pkcs7-mime") || part.isMimeType("application/x-pkcs7-mime"))
                && (type.contains("enveloped-data") || !type.contains("smime-type"));
    }

    private static boolean isOpaqueSigned(Part part) throws MessagingException {
        String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(java.util.Locale.ROOT);
        return (part.isMimeType("application/pkcs7-mime") || part.isMimeType("application/x-pkcs7-mime"))
                && type.contains("signed-data");
    }
}
