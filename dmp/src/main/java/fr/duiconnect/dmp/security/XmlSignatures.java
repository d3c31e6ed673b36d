package fr.duiconnect.dmp.security;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.dmp.DmpErrorCode;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Element;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Apache Santuario set-up and the checks shared by the VIHF and the XAdES signature. */
public final class XmlSignatures {

    public static final String DSIG = Constants.SignatureSpecNS;
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    static {
        Init.init();   // Santuario's algorithm registry: process-wide and idempotent, not connector state
    }

    private XmlSignatures() {
    }

    static void ready() {
        // touching the class runs the static initialiser once
    }

    /** The signature algorithm URI for a configured name (rsa-sha256 by default; rsa-sha1 for old DMP set-ups). */
    public static String signatureAlgorithm(String name) {
        return switch (name) {
            case "rsa-sha256" -> XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
            case "rsa-sha1" -> XMLSignature.ALGO_ID_SIGNATURE_RSA;
            case "rsa-sha512" -> XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512;
            default -> throw new InvalidInputException(DmpErrorCode.SIGNATURE_KEY, "signature algorithm", "rsa-sha256, rsa-sha512 or rsa-sha1, not " + name);
        };
    }

    public static String digestAlgorithm(String name) {
        return switch (name) {
            case "sha256" -> "http://www.w3.org/2001/04/xmlenc#sha256";
            case "sha1" -> Constants.ALGO_ID_DIGEST_SHA1;
            case "sha512" -> "http://www.w3.org/2001/04/xmlenc#sha512";
            default -> throw new InvalidInputException(DmpErrorCode.SIGNATURE_KEY, "digest algorithm", "sha256, sha512 or sha1, not " + name);
        };
    }

    /**
     * The signer's certificate from KeyInfo (leaf first, then any intermediates), after checking with PKIX that it
     * chains to one of the anchors. Revocation is not checked here (no CRL access from the sandbox).
     */
    public static X509Certificate trustedSigner(XMLSignature signature, List<X509Certificate> anchors) throws XMLSecurityException {
        if (signature.getKeyInfo() == null || signature.getKeyInfo().lengthX509Data() == 0) {
            throw new XMLSecurityException("empty", new Object[] {"the signature carries no X509Data in KeyInfo"});
        }
        var data = signature.getKeyInfo().itemX509Data(0);
        List<X509Certificate> path = new java.util.ArrayList<>();
        for (int i = 0; i < data.lengthCertificate(); i++) {
            path.add(data.itemCertificate(i).getX509Certificate());
        }
        if (path.isEmpty()) {
            throw new XMLSecurityException("empty", new Object[] {"KeyInfo carries no X509Certificate"});
        }
        try {
            Set<TrustAnchor> trust = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
            List<X509Certificate> untrusted = path.stream().filter(c -> !anchors.contains(c)).toList();
            PKIXParameters parameters = new PKIXParameters(trust);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(untrusted), parameters);
            return path.get(0);
        } catch (java.security.GeneralSecurityException e) {
            throw new XMLSecurityException("empty", new Object[] {"the signing certificate does not chain to a trusted authority: " + e.getMessage()});
        }
    }

    /** Adds the chain (leaf first) to the signature's KeyInfo. */
    static void addChain(XMLSignature signature, List<X509Certificate> chain) throws XMLSecurityException {
        var data = new org.apache.xml.security.keys.content.X509Data(signature.getDocument());
        for (X509Certificate certificate : chain) {
            data.addCertificate(certificate);
        }
        signature.getKeyInfo().add(data);
    }

    static void markId(Element element, String attribute) {
        element.setIdAttributeNS(null, attribute, true);
    }
}
