package fr.duiconnect.mssante.smime;

import fr.duiconnect.core.config.KeyStoreMaterial;
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
 * The structure's S/MIME key and certificate chain (IGC-Santé SERV S/MIME, or ORG SIGN for signing only), leaf
 * first. Used to sign what is sent and to decrypt what is received.
 */
public record SmimeCredentials(PrivateKey privateKey, List<X509Certificate> chain) {

    public SmimeCredentials {
        if (privateKey == null || chain == null || chain.isEmpty()) {
            throw new ConfigurationException("smime.keystore", "an S/MIME key needs its private key and certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Reads the key from a PKCS#12 store (the entry named by the alias, or the only key entry). */
    public static SmimeCredentials load(KeyStoreMaterial material) {
        KeyStore store = material.load();
        try {
            String alias = material.alias();
            if (alias == null) {
                for (String candidate : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(candidate)) {
                        alias = candidate;
                        break;
                    }
                }
            }
            if (alias == null || !store.isKeyEntry(alias)) {
                throw new ConfigurationException(material.path().toString(), "holds no S/MIME key entry");
            }
            String found = alias;
            PrivateKey key = material.password().use(chars -> {
                try {
                    return (PrivateKey) store.getKey(found, chars);
                } catch (GeneralSecurityException e) {
                    throw new ConfigurationException(material.path().toString(), "the S/MIME key cannot be read", e);
                }
            });
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) certificate);
            }
            return new SmimeCredentials(key, chain);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(material.path().toString(), "the S/MIME key store cannot be read", e);
        }
    }
}
