package fr.duiconnect.dmp.security;

import fr.duiconnect.core.xml.SecureXml;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Manifest;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a submission-set signature the way the DMP does: the XML-DSig verifies with a certificate that chains to
 * a trusted authority, its manifest covers every deposited document by uniqueId, and each digest matches the bytes
 * received. Used by the DMP simulator.
 */
public final class SubmissionSetSignatureVerifier {

    private final List<X509Certificate> anchors;

    public SubmissionSetSignatureVerifier(List<X509Certificate> anchors) {
        XmlSignatures.ready();
        this.anchors = List.copyOf(anchors);
    }

    /** Returns the signer, or a refusal naming what does not hold. */
    public X509Certificate verify(byte[] signatureDocument, Map<String, byte[]> documentsByUniqueId) throws VihfVerifier.VihfRefusal {
        Document document = SecureXml.parse(signatureDocument, "submission set signature");
        Element root = document.getDocumentElement();
        if (!"Signature".equals(root.getLocalName()) || !XmlSignatures.DSIG.equals(root.getNamespaceURI())) {
            throw new VihfVerifier.VihfRefusal("the signature document is not a ds:Signature");
        }
        NodeList manifests = document.getElementsByTagNameNS(XmlSignatures.DSIG, "Manifest");
        if (manifests.getLength() != 1) {
            throw new VihfVerifier.VihfRefusal("the signature has no single ds:Manifest of the submitted documents");
        }
        Element manifestElement = (Element) manifests.item(0);
        XmlSignatures.markId(manifestElement, "Id");
        NodeList ids = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < ids.getLength(); i++) {
            Element e = (Element) ids.item(i);
            if (e.hasAttribute("Id")) {
                XmlSignatures.markId(e, "Id");
            }
        }
        try {
            XMLSignature signature = new XMLSignature(root, null, true);
            signature.setFollowNestedManifests(false);
            boolean coversManifest = false;
            for (int i = 0; i < signature.getSignedInfo().getLength(); i++) {
                coversManifest |= ("#" + manifestElement.getAttribute("Id")).equals(signature.getSignedInfo().item(i).getURI());
            }
            if (!coversManifest) {
                throw new VihfVerifier.VihfRefusal("the signature does not cover its manifest");
            }
            X509Certificate signer = XmlSignatures.trustedSigner(signature, anchors);
            if (!signature.checkSignatureValue(signer)) {
                throw new VihfVerifier.VihfRefusal("the submission set signature does not verify");
            }
            Manifest manifest = new Manifest(manifestElement, null, true);
            manifest.addResourceResolver(new OidResolver(documentsByUniqueId));
            Set<String> covered = new HashSet<>();
            for (int i = 0; i < manifest.getLength(); i++) {
                covered.add(manifest.item(i).getURI().substring(OidResolver.PREFIX.length()));
            }
            if (!covered.equals(documentsByUniqueId.keySet())) {
                throw new VihfVerifier.VihfRefusal("the manifest references " + covered + " but the submission holds " + documentsByUniqueId.keySet());
            }
            if (!manifest.verifyReferences()) {
                throw new VihfVerifier.VihfRefusal("a document's digest in the manifest does not match the document received");
            }
            return signer;
        } catch (XMLSecurityException e) {
            throw new VihfVerifier.VihfRefusal("the submission set signature cannot be verified: " + e.getMessage());
        }
    }
}
