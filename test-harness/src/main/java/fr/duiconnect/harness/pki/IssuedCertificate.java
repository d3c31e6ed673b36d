package fr.duiconnect.harness.pki;

import fr.duiconnect.core.config.KeyStoreMaterial;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key pair and its certificate chain (leaf first) issued by a {@link TestPki}, with the PKCS#12 store that holds
 * them on disk (alias {@link TestPki#KEY_ALIAS}).
 */
public record IssuedCertificate(String name, PrivateKey privateKey, List<X509Certificate> chain, KeyStoreMaterial keyStore) {

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
