package fr.duiconnect.dmp.security;

import fr.duiconnect.core.config.PrivateKeyEntry;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.dmp.DmpErrorCode;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Manifest;
import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The XAdES signature of a DMP submission set (lot de soumission signé, PDSM4DMP TD2): an XML-DSig whose
 * {@code ds:Manifest Id="IHEManifest"} references every document by {@code urn:oid:<uniqueId>} with its digest,
 * with the IHE DSG purpose of signature (1.2.840.10065.1.12.1.14 "Source") and XAdES SignedProperties (signing
 * time, signing certificate, implied policy), signed with the ORG SIGN key. The result travels as the signature
 * document entry, associated to the submission set by {@code signs}.
 *
 * <p>UNCONFIRMED (SEL-MP-037 is not public): the algorithms (configurable; DRIMbox uses rsa-sha1/sha1, the default
 * here is rsa-sha256/sha256), and what the submission-set reference digests — here the submission set's uniqueId is
 * carried as a signed SignatureProperty, and the manifest digests the documents' bytes as deposited.
 */
public final class SubmissionSetSignature {

    public static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    static final String MANIFEST_ID = "IHEManifest";
    static final String PURPOSE_OF_SIGNATURE = "1.2.840.10065.1.12.1.14";

    private final PrivateKeyEntry orgSign;
    private final String signatureAlgorithm;
    private final String digestAlgorithm;
    private final Clock clock;

    public SubmissionSetSignature(PrivateKeyEntry orgSign, String signatureAlgorithm, String digestAlgorithm, Clock clock) {
        XmlSignatures.ready();
        this.orgSign = orgSign;
        this.signatureAlgorithm = XmlSignatures.signatureAlgorithm(signatureAlgorithm);
        this.digestAlgorithm = XmlSignatures.digestAlgorithm(digestAlgorithm);
        this.clock = clock;
    }

    /** Signs the documents of a submission set; returns the signature document (UTF-8 XML). */
    public byte[] sign(String submissionSetUniqueId, Map<String, byte[]> documentsByUniqueId) {
        try {
            Document document = SecureXml.newDocument();
            String signatureId = "sig-" + UUID.randomUUID();
            XMLSignature signature = new XMLSignature(document, null, signatureAlgorithm, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.setId(signatureId);
            document.appendChild(signature.getElement());
            OidResolver resolver = new OidResolver(documentsByUniqueId);

            Manifest manifest = new Manifest(document);
            manifest.setId(MANIFEST_ID);
            manifest.addResourceResolver(resolver);
            for (String uniqueId : documentsByUniqueId.keySet()) {
                manifest.addDocument(null, OidResolver.PREFIX + uniqueId, null, digestAlgorithm, null, null);
            }
            manifest.generateDigestValues();
            ObjectContainer manifestObject = new ObjectContainer(document);
            manifestObject.appendChild(manifest.getElement());
            signature.appendObject(manifestObject);
            XmlSignatures.markId(manifest.getElement(), "Id");

            Element properties = signatureProperties(document, signatureId, submissionSetUniqueId);
            ObjectContainer propertiesObject = new ObjectContainer(document);
            propertiesObject.appendChild(properties);
            signature.appendObject(propertiesObject);

            String signedPropertiesId = "xades-" + UUID.randomUUID();
            ObjectContainer xadesObject = new ObjectContainer(document);
            xadesObject.appendChild(qualifyingProperties(document, signatureId, signedPropertiesId));
            signature.appendObject(xadesObject);

            Transforms c14n = new Transforms(document);
            c14n.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + MANIFEST_ID, null, digestAlgorithm, null, Reference.MANIFEST_URI);
            signature.addDocument("#" + properties.getAttribute("Id"), c14n, digestAlgorithm, null, "http://www.w3.org/2000/09/xmldsig#SignatureProperties");
            signature.addDocument("#" + signedPropertiesId, c14n, digestAlgorithm, null, "http://uri.etsi.org/01903#SignedProperties");
            XmlSignatures.addChain(signature, orgSign.chain());
            signature.sign(orgSign.privateKey());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLUtils.outputDOM(document, out);
            return out.toByteArray();
        } catch (XMLSecurityException e) {
            throw new InvalidInputException(DmpErrorCode.SIGNATURE_KEY, "dui.dmp.option.sign.keystore",
                    "the submission set cannot be signed with the ORG SIGN key: " + e.getMessage());
        }
    }

    private Element signatureProperties(Document document, String signatureId, String submissionSetUniqueId) {
        Element properties = document.createElementNS(XmlSignatures.DSIG, "ds:SignatureProperties");
        properties.setAttribute("Id", "props-" + UUID.randomUUID());
        XmlSignatures.markId(properties, "Id");
        Element purpose = child(properties, XmlSignatures.DSIG, "ds:SignatureProperty", null);
        purpose.setAttribute("Id", "purposeOfSignature");
        purpose.setAttribute("Target", "#" + signatureId);
        child(purpose, XmlSignatures.DSIG, "ds:PurposeOfSignature", PURPOSE_OF_SIGNATURE);
        Element set = child(properties, XmlSignatures.DSIG, "ds:SignatureProperty", null);
        set.setAttribute("Id", "submissionSet");
        set.setAttribute("Target", "#" + signatureId);
        child(set, XmlSignatures.DSIG, "ds:SubmissionSetUniqueId", submissionSetUniqueId);
        return properties;
    }

    private Element qualifyingProperties(Document document, String signatureId, String signedPropertiesId) throws XMLSecurityException {
        Element qualifying = document.createElementNS(XADES, "xades:QualifyingProperties");
        qualifying.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xades", XADES);
        qualifying.setAttribute("Target", "#" + signatureId);
        Element signed = child(qualifying, XADES, "xades:SignedProperties", null);
        signed.setAttribute("Id", signedPropertiesId);
        XmlSignatures.markId(signed, "Id");
        Element signatureProperties = child(signed, XADES, "xades:SignedSignatureProperties", null);
        child(signatureProperties, XADES, "xades:SigningTime", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        Element cert = child(child(signatureProperties, XADES, "xades:SigningCertificate", null), XADES, "xades:Cert", null);
        Element digest = child(cert, XADES, "xades:CertDigest", null);
        child(digest, XmlSignatures.DSIG, "ds:DigestMethod", null).setAttribute("Algorithm", digestAlgorithm);
        child(digest, XmlSignatures.DSIG, "ds:DigestValue", Base64.getEncoder().encodeToString(certificateDigest(orgSign.certificate())));
        Element issuerSerial = child(cert, XADES, "xades:IssuerSerial", null);
        child(issuerSerial, XmlSignatures.DSIG, "ds:X509IssuerName", orgSign.certificate().getIssuerX500Principal().getName());
        child(issuerSerial, XmlSignatures.DSIG, "ds:X509SerialNumber", orgSign.certificate().getSerialNumber().toString());
        child(child(signatureProperties, XADES, "xades:SignaturePolicyIdentifier", null), XADES, "xades:SignaturePolicyImplied", null);
        return qualifying;
    }

    private byte[] certificateDigest(X509Certificate certificate) throws XMLSecurityException {
        try {
            String jca = digestAlgorithm.endsWith("sha1") ? "SHA-1" : digestAlgorithm.endsWith("sha512") ? "SHA-512" : "SHA-256";
            return MessageDigest.getInstance(jca).digest(certificate.getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new XMLSecurityException(e);
        }
    }

    private static Element child(Element parent, String namespace, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    /** Convenience for a single document. */
    public byte[] sign(String submissionSetUniqueId, String documentUniqueId, byte[] document) {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put(documentUniqueId, document);
        return sign(submissionSetUniqueId, documents);
    }
}
