package fr.duiconnect.core.config;

import fr.duiconnect.core.error.ConfigurationException;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how one service client connects: its URL(s), timeouts, TLS, and module-specific options
 * (e.g. {@code registry.url} for the DMP, {@code imap.url} for MSSanté).
 */
public record EndpointConfig(URI url, Timeouts timeouts, TlsConfig tls, Map<String, String> options) {

    public EndpointConfig {
        if (url == null) {
            throw new ConfigurationException("url", "the service endpoint URL is required");
        }
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static EndpointConfig of(URI url) {
        return new EndpointConfig(url, Timeouts.DEFAULT, null, Map.of());
    }

    public Optional<TlsConfig> tlsIfAny() {
        return Optional.ofNullable(tls);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String requiredOption(String name) {
        return option(name).orElseThrow(() -> new ConfigurationException(name, "this endpoint option is required"));
    }

    public EndpointConfig withTls(TlsConfig newTls) {
        return new EndpointConfig(url, timeouts, newTls, options);
    }
}
