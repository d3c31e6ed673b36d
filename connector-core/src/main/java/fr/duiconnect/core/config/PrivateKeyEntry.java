package fr.duiconnect.core.config;

import fr.duiconnect.core.error.ConfigurationException;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A private key with its certificate chain, leaf first: what signs (ORG SIGN for the VIHF and the DMP submission
 * set, S/MIME for MSSanté). Read from a PKCS#12 store: the entry its alias names, or its only key entry.
 */
public record PrivateKeyEntry(PrivateKey privateKey, List<X509Certificate> chain) {

    public PrivateKeyEntry {
        if (privateKey == null || chain == null || chain.isEmpty()) {
            throw new ConfigurationException("keystore", "a signing key needs its private key and certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public static PrivateKeyEntry load(KeyStoreMaterial material) {
        KeyStore store = material.load();
        try {
            String alias = material.alias();
            if (alias == null) {
                alias = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst().orElse(null);
            }
            if (alias == null || !store.isKeyEntry(alias)) {
                throw new ConfigurationException(material.path().toString(), "holds no private key entry"
                        + (material.alias() == null ? "" : " named " + material.alias()));
            }
            String found = alias;
            PrivateKey key = material.password().use(chars -> {
                try {
                    return (PrivateKey) store.getKey(found, chars);
                } catch (GeneralSecurityException e) {
                    throw new ConfigurationException(material.path().toString(), "the private key cannot be read", e);
                }
            });
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) certificate);
            }
            return new PrivateKeyEntry(key, chain);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(material.path().toString(), "the key store cannot be read", e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
