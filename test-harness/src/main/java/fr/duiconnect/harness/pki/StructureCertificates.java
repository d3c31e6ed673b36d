package fr.duiconnect.harness.pki;

import fr.duiconnect.core.model.Finess;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The structure a certificate of the test PKI was issued to: its subject's OU holds the FINESS, as the IGC-Santé ORG
 * certificates carry the structure's identifier. The simulators compare it with the identity a request claims.
 */
public final class StructureCertificates {

    private StructureCertificates() {
    }

    /** The FINESS in the certificate's OU, if it holds one. */
    public static Optional<String> finessOf(X509Certificate certificate) {
        if (certificate == null) {
            return Optional.empty();
        }
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                String value = String.valueOf(rdn.getValue());
                if ("OU".equalsIgnoreCase(rdn.getType()) && Finess.isWellFormed(value)) {
                    return Optional.of(value);
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
