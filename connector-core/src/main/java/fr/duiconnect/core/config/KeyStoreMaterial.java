package fr.duiconnect.core.config;

import fr.duiconnect.core.error.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

/**
 * A PKCS#12 key store on disk (IGC-Santé certificate of the structure, or a trust store of CA certificates),
 * with its password and, for key stores holding several keys, the alias to use.
 */
public record KeyStoreMaterial(Path path, Secret password, String alias) {

    public KeyStoreMaterial {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
    }

    public static KeyStoreMaterial of(Path path, Secret password) {
        return new KeyStoreMaterial(path, password, null);
    }

    public KeyStore load() {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            password.use(chars -> {
                try {
                    store.load(in, chars);
                    return null;
                } catch (IOException | GeneralSecurityException e) {
                    throw new ConfigurationException(path.toString(), "the PKCS#12 store cannot be opened with its password", e);
                }
            });
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException(path.toString(), "the PKCS#12 store cannot be read", e);
        }
    }
}
