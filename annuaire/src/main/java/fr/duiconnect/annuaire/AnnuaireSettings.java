package fr.duiconnect.annuaire;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.error.ConfigurationException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The directory module's configuration, from the endpoint {@code dui.annuaire.*}:
 *
 * <pre>
 * dui.annuaire.url=https://gateway.api.esante.gouv.fr/fhir/v2
 * dui.annuaire.tls.truststore=...   dui.annuaire.timeout.read=PT10S
 * dui.annuaire.option.ig.packages=/path/ans.fhir.fr.annuaire/package.tgz,/path/hl7.fhir.fr.core/package.tgz[,...]
 * dui.annuaire.option.api-key.env=ESANTE_API_KEY     (or dui.annuaire.option.api-key.file=/path/api.key)
 * dui.annuaire.option.cache.ttl=PT12H                 dui.annuaire.option.cache.size=10000
 * dui.annuaire.option.search.max-pages=5
 * </pre>
 */
record AnnuaireSettings(EndpointConfig endpoint, List<Path> packages, Secret apiKey, Duration cacheTtl, int cacheSize, int maxPages) {

    static AnnuaireSettings from(EndpointConfig endpoint) {
        String packages = endpoint.option("ig.packages").orElseThrow(() -> new ConfigurationException(
                "dui.annuaire.option.ig.packages", "the annuaire IG package (package.tgz) location is required for validation"));
        List<Path> files = Arrays.stream(packages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        Secret key = endpoint.option("api-key.file").map(f -> Secret.fromFile(Path.of(f)))
                .or(() -> endpoint.option("api-key.env").map(Secret::fromEnvironment))
                .orElseThrow(() -> new ConfigurationException("dui.annuaire.option.api-key.env",
                        "the Annuaire Santé API key (ESANTE-API-KEY) is required: api-key.env or api-key.file"));
        return new AnnuaireSettings(endpoint, files, key, ttl(endpoint.option("cache.ttl").orElse("PT12H")),
                positive(endpoint.option("cache.size").orElse("10000"), "dui.annuaire.option.cache.size"),
                positive(endpoint.option("search.max-pages").orElse("5"), "dui.annuaire.option.search.max-pages"));
    }

    private static Duration ttl(String value) {
        try {
            Duration ttl = Duration.parse(value);
            if (ttl.isNegative()) {
                throw new ConfigurationException("dui.annuaire.option.cache.ttl", "must not be negative");
            }
            return ttl;
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("dui.annuaire.option.cache.ttl", "must be an ISO-8601 duration, e.g. PT12H");
        }
    }

    private static int positive(String value, String property) {
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new ConfigurationException(property, "must be at least 1");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(property, "must be a whole number");
        }
    }
}
