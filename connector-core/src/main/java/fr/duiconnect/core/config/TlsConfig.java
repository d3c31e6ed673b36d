package fr.duiconnect.core.config;

import fr.duiconnect.core.error.ConfigurationException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;

/**
 * TLS of one client: the trust anchors (IGC-Santé CAs from configuration; the JDK's default store is neither
 * used nor needed), the optional client certificate for mutual TLS, the protocols and the cipher suites.
 * Each client builds its own {@link SSLContext} from this; nothing is set globally.
 */
public record TlsConfig(KeyStoreMaterial trustStore, KeyStoreMaterial clientKey,
                        List<String> protocols, List<String> cipherSuites) {

    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * ANSSI-recommended AEAD suites with forward secrecy; TLS 1.3 suites are all acceptable.
     * MSSanté and DMP operators accept these.
     */
    public static final List<String> DEFAULT_CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");

    public TlsConfig {
        Objects.requireNonNull(trustStore, "trustStore");
        protocols = protocols == null || protocols.isEmpty() ? DEFAULT_PROTOCOLS : List.copyOf(protocols);
        cipherSuites = cipherSuites == null || cipherSuites.isEmpty() ? DEFAULT_CIPHER_SUITES : List.copyOf(cipherSuites);
        for (String protocol : protocols) {
            if (!protocol.equals("TLSv1.2") && !protocol.equals("TLSv1.3")) {
                throw new ConfigurationException("tls.protocols", "only TLSv1.2 and TLSv1.3 are allowed, not " + protocol);
            }
        }
    }

    public static TlsConfig trusting(KeyStoreMaterial trustStore) {
        return new TlsConfig(trustStore, null, null, null);
    }

    public TlsConfig withClientKey(KeyStoreMaterial key) {
        return new TlsConfig(trustStore, key, protocols, cipherSuites);
    }

    /** A fresh SSL context that verifies peers against the configured trust store only. */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore.load());
            KeyManager[] keyManagers = null;
            if (clientKey != null) {
                KeyStore keys = clientKey.load();
                if (clientKey.alias() != null) {
                    keys = onlyAlias(keys, clientKey);
                }
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                KeyStore finalKeys = keys;
                clientKey.password().use(chars -> {
                    try {
                        factory.init(finalKeys, chars);
                        return null;
                    } catch (GeneralSecurityException e) {
                        throw new ConfigurationException(clientKey.path().toString(), "the client key cannot be used", e);
                    }
                });
                keyManagers = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("tls", "the TLS context cannot be built", e);
        }
    }

    /** Parameters to apply on every socket or engine: protocols, suites, and host name verification. */
    public SSLParameters sslParameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        List<String> supported = List.of(context.getSupportedSSLParameters().getCipherSuites());
        parameters.setCipherSuites(cipherSuites.stream().filter(supported::contains).toArray(String[]::new));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    private static KeyStore onlyAlias(KeyStore source, KeyStoreMaterial material) {
        try {
            if (!source.isKeyEntry(material.alias())) {
                throw new ConfigurationException(material.path().toString(), "holds no key under alias " + material.alias());
            }
            KeyStore single = KeyStore.getInstance("PKCS12");
            single.load(null, null);
            material.password().use(chars -> {
                try {
                    single.setKeyEntry(material.alias(), source.getKey(material.alias(), chars), chars,
                            source.getCertificateChain(material.alias()));
                    return null;
                } catch (GeneralSecurityException e) {
                    throw new ConfigurationException(material.path().toString(), "the key under alias " + material.alias() + " cannot be read", e);
                }
            });
            return single;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new ConfigurationException(material.path().toString(), "the key store cannot be filtered by alias", e);
        }
    }
}
