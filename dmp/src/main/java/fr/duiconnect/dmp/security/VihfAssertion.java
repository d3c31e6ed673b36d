package fr.duiconnect.dmp.security;

import fr.duiconnect.core.config.PrivateKeyEntry;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.xds.Hl7Formats;
import fr.duiconnect.dmp.DmpErrorCode;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds the VIHF: a SAML 2.0 assertion (DOM, as OpenSAML is not on Maven Central) signed with the structure's
 * ORG SIGN key by Apache Santuario — enveloped signature right after Issuer, exclusive C14N, RSA-SHA256 by
 * default. Attributes and mandatory ones per shared/specs/dmp.md §1.4. Thread-safe.
 */
public final class VihfAssertion {

    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String HL7 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    public static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    public static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    public static final String PURPOSE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    /** How long an assertion is valid: one request; five minutes leaves room for clock skew. */
    static final long VALIDITY_MINUTES = 5;

    private final VihfProfile profile;
    private final PrivateKeyEntry orgSign;
    private final String signatureAlgorithm;
    private final String digestAlgorithm;
    private final Clock clock;

    public VihfAssertion(VihfProfile profile, PrivateKeyEntry orgSign, String signatureAlgorithm, String digestAlgorithm, Clock clock) {
        XmlSignatures.ready();
        this.profile = profile;
        this.orgSign = orgSign;
        this.signatureAlgorithm = XmlSignatures.signatureAlgorithm(signatureAlgorithm);
        this.digestAlgorithm = XmlSignatures.digestAlgorithm(digestAlgorithm);
        this.clock = clock;
    }

    /** A new assertion for one request about this person, appended to {@code parent} (wsse:Security) and signed there. */
    public Element signInto(Element parent, Ins patient) {
        Document document = parent.getOwnerDocument();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String id = "_" + UUID.randomUUID();
        Element assertion = document.createElementNS(SAML, "saml2:Assertion");
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml2", SAML);
        assertion.setAttribute("ID", id);
        assertion.setAttribute("IssueInstant", now.toString());
        assertion.setAttribute("Version", "2.0");
        parent.appendChild(assertion);   // in the tree before signing: the reference resolves #ID through the document
        XmlSignatures.markId(assertion, "ID");
        Element issuer = child(assertion, "Issuer", orgSign.certificate().getSubjectX500Principal().getName());
        issuer.setAttribute("Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
        Element subject = child(assertion, "Subject", null);
        child(subject, "NameID", profile.nameId())
                .setAttribute("Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        Element conditions = child(assertion, "Conditions", null);
        conditions.setAttribute("NotBefore", now.minus(1, ChronoUnit.MINUTES).toString());
        conditions.setAttribute("NotOnOrAfter", now.plus(VALIDITY_MINUTES, ChronoUnit.MINUTES).toString());
        Element authn = child(assertion, "AuthnStatement", null);
        authn.setAttribute("AuthnInstant", now.toString());
        child(child(authn, "AuthnContext", null), "AuthnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:TLSClient");
        Element attributes = child(assertion, "AttributeStatement", null);
        attribute(attributes, "VIHF_Version", profile.version());
        attribute(attributes, "Authentification_Mode", profile.authenticationMode());
        attribute(attributes, "Identifiant_Structure", profile.structureId());
        attribute(attributes, "Secteur_Activite", profile.secteurActivite().code() + "^" + profile.secteurActivite().codeSystem());
        attribute(attributes, RESOURCE_ID, Hl7Formats.cx(patient));
        attribute(attributes, "Ressource_URN", "urn:dmp");
        attribute(attributes, SUBJECT_ID, profile.subjectId());
        coded(attributes, ROLE, "Role", profile.role());
        coded(attributes, PURPOSE, "PurposeOfUse", new Code("normal", "1.2.250.1.213.1.1.4.248", "Accès normal"));
        attribute(attributes, "LPS_Nom", profile.lpsName());
        if (profile.lpsVersion() != null) {
            attribute(attributes, "LPS_Version", profile.lpsVersion());
        }
        attribute(attributes, "LPS_ID_HOMOLOGATION_DMP", profile.homologation());
        sign(assertion, issuer, id);
        return assertion;
    }

    private void sign(Element assertion, Element issuer, String id) {
        try {
            XMLSignature signature = new XMLSignature(assertion.getOwnerDocument(), null, signatureAlgorithm, XmlSignatures.EXC_C14N);
            assertion.insertBefore(signature.getElement(), issuer.getNextSibling());   // SAML: Signature follows Issuer
            Transforms transforms = new Transforms(assertion.getOwnerDocument());
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, digestAlgorithm);
            XmlSignatures.addChain(signature, orgSign.chain());
            signature.sign(orgSign.privateKey());
        } catch (XMLSecurityException e) {
            throw new InvalidInputException(DmpErrorCode.SIGNATURE_KEY, "dui.dmp.option.sign.keystore",
                    "the VIHF cannot be signed with the ORG SIGN key: " + e.getMessage());
        }
    }

    private static void attribute(Element statement, String name, String value) {
        Element attribute = child(statement, "Attribute", null);
        attribute.setAttribute("Name", name);
        child(attribute, "AttributeValue", value);
    }

    /** A coded attribute value: an HL7 v3 CE element (Role, PurposeOfUse) inside the AttributeValue. */
    private static void coded(Element statement, String name, String element, Code code) {
        Element attribute = child(statement, "Attribute", null);
        attribute.setAttribute("Name", name);
        Element value = child(attribute, "AttributeValue", null);
        Element ce = statement.getOwnerDocument().createElementNS(HL7, element);
        // declared as attributes, not left to the serialiser: the canonical form that is signed must see them
        ce.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", HL7);
        ce.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
        ce.setAttributeNS(XSI, "xsi:type", "CE");
        ce.setAttribute("code", code.code());
        ce.setAttribute("codeSystem", code.codeSystem());
        ce.setAttribute("displayName", code.displayName());
        value.appendChild(ce);
    }

    private static Element child(Element parent, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(SAML, "saml2:" + name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }
}
