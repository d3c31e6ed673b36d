package fr.duiconnect.annuaire;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Timeouts;
import fr.duiconnect.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module's options: the API key from a secret is required; the cache's time and size are configurable and checked. */
class AnnuaireSettingsTest {

    private static EndpointConfig endpoint(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(Map.of("ig.packages", "/ig/package.tgz"));
        all.putAll(options);
        return new EndpointConfig(URI.create("https://gateway.api.esante.gouv.fr/fhir/v2"), Timeouts.DEFAULT, null, all);
    }

    @Test
    void withoutAnApiKeyTheModuleDoesNotStart() {
        assertThatThrownBy(() -> AnnuaireSettings.from(endpoint(Map.of()))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("api-key");
    }

    @Test
    void theCacheTtlAndSizeComeFromTheOptions() {
        AnnuaireSettings settings = AnnuaireSettings.from(endpoint(Map.of("api-key.env", "PATH", "cache.ttl", "PT30M", "cache.size", "500")));
        assertThat(settings.cacheTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.cacheSize()).isEqualTo(500);
    }

    @Test
    void aCacheTtlThatIsNotADurationIsAConfigurationError() {
        assertThatThrownBy(() -> AnnuaireSettings.from(endpoint(Map.of("api-key.env", "PATH", "cache.ttl", "12h"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dui.annuaire.option.cache.ttl");
    }
}
