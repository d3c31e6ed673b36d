package fr.duiconnect.dmp.security;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a VIHF the way the DMP does before anything else: the enveloped signature covers the assertion itself
 * (its ID, so no signature wrapping), the signer chains to a trusted authority, the assertion is within its
 * validity, and the mandatory attributes are there. Used by the DMP simulator; vendors may use it in their tests.
 */
public final class VihfVerifier {

    /** Mandatory attributes ([IMPL] DRIMbox VIHFField#isOptionnal; shared/specs/dmp.md §1.4). */
    public static final List<String> MANDATORY = List.of("VIHF_Version", VihfAssertion.ROLE, "Secteur_Activite",
            "Ressource_URN", VihfAssertion.PURPOSE, VihfAssertion.SUBJECT_ID, "Authentification_Mode",
            "Identifiant_Structure", "LPS_ID_HOMOLOGATION_DMP", "LPS_Nom");

    /** The claim holding Subject/NameID. */
    public static final String NAME_ID = "Subject/NameID";

    private final List<X509Certificate> anchors;

    public VihfVerifier(List<X509Certificate> anchors) {
        XmlSignatures.ready();
        this.anchors = List.copyOf(anchors);
    }

    /** What a verified VIHF says: attribute values (coded ones as their code), and the signer. */
    public record Claims(Map<String, String> attributes, X509Certificate signer) {
        public String get(String name) {
            return attributes.get(name);
        }
    }

    /** Verifies the assertion; a refusal says which rule failed. */
    public Claims verify(Element assertion, Instant now) throws VihfRefusal {
        if (!VihfAssertion.SAML.equals(assertion.getNamespaceURI()) || !"Assertion".equals(assertion.getLocalName())) {
            throw new VihfRefusal("the wsse:Security header holds no saml2:Assertion");
        }
        String id = assertion.getAttribute("ID");
        if (id.isEmpty()) {
            throw new VihfRefusal("the assertion has no ID");
        }
        assertion.setIdAttributeNS(null, "ID", true);
        Element signatureElement = child(assertion, XmlSignatures.DSIG, "Signature");
        if (signatureElement == null) {
            throw new VihfRefusal("the assertion is not signed");
        }
        X509Certificate signer;
        try {
            XMLSignature signature = new XMLSignature(signatureElement, null);
            if (signature.getSignedInfo().getLength() != 1 || !("#" + id).equals(signature.getSignedInfo().item(0).getURI())) {
                throw new VihfRefusal("the signature must cover the assertion itself (one reference to #" + id + ")");
            }
            signer = XmlSignatures.trustedSigner(signature, anchors);
            if (!signature.checkSignatureValue(signer)) {
                throw new VihfRefusal("the assertion's signature does not verify: it was altered or signed with another key");
            }
        } catch (XMLSecurityException e) {
            throw new VihfRefusal("the assertion's signature cannot be verified: " + e.getMessage());
        }
        Element conditions = child(assertion, VihfAssertion.SAML, "Conditions");
        if (conditions != null && conditions.hasAttribute("NotOnOrAfter")
                && !now.isBefore(Instant.parse(conditions.getAttribute("NotOnOrAfter")))) {
            throw new VihfRefusal("the assertion has expired (NotOnOrAfter " + conditions.getAttribute("NotOnOrAfter") + ")");
        }
        Map<String, String> attributes = attributes(assertion);
        List<String> missing = new ArrayList<>();
        for (String name : MANDATORY) {
            String value = attributes.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new VihfRefusal("mandatory VIHF attributes are missing: " + String.join(", ", missing));
        }
        Element nameId = child(assertion, VihfAssertion.SAML, "Subject") == null ? null
                : child(child(assertion, VihfAssertion.SAML, "Subject"), VihfAssertion.SAML, "NameID");
        if (nameId == null || nameId.getTextContent().isBlank()) {
            throw new VihfRefusal("Subject/NameID is missing: the user, or the person responsible for the automated processing");
        }
        if (nameId.getTextContent().trim().equals(attributes.get("LPS_Nom"))) {
            throw new VihfRefusal("Subject/NameID names the software (" + attributes.get("LPS_Nom") + "), not the person responsible for it");
        }
        if (!attributes.get(VihfAssertion.SUBJECT_ID).matches(VihfProfile.SUBJECT_ID_FORMAT)) {
            throw new VihfRefusal("subject-id of automated processing is \"Nom du logiciel, Nom du modèle (, Service)\", not \""
                    + attributes.get(VihfAssertion.SUBJECT_ID) + "\"");
        }
        attributes.put(NAME_ID, nameId.getTextContent().trim());
        return new Claims(Map.copyOf(attributes), signer);
    }

    private static Map<String, String> attributes(Element assertion) {
        Map<String, String> values = new LinkedHashMap<>();
        Element statement = child(assertion, VihfAssertion.SAML, "AttributeStatement");
        if (statement == null) {
            return values;
        }
        for (Node n = statement.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element attribute && "Attribute".equals(attribute.getLocalName())) {
                Element value = child(attribute, VihfAssertion.SAML, "AttributeValue");
                if (value == null) {
                    continue;
                }
                Element coded = firstElement(value);
                values.putIfAbsent(attribute.getAttribute("Name"), coded != null ? coded.getAttribute("code") : value.getTextContent().trim());
            }
        }
        return values;
    }

    private static Element child(Element parent, String namespace, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** A VIHF the DMP would refuse, with the reason. */
    public static final class VihfRefusal extends Exception {
        public VihfRefusal(String reason) {
            super(reason);
        }
    }
}
