package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.config.KeyStoreMaterial;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MssanteTlsTest {

    private static final KeyStoreMaterial TRUST = KeyStoreMaterial.of(Path.of("unused.p12"), Secret.of("x"));

    @Test
    void eco_1_1_3_default_suites_are_narrowed_to_the_six_mssante_suites_and_tls13() {
        List<String> suites = MssanteTls.allowedSuites(TlsConfig.trusting(TRUST));
        assertThat(suites).containsAll(MssanteTls.ECO_1_1_3_SUITES)
                .doesNotContain("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")
                .allMatch(s -> MssanteTls.ECO_1_1_3_SUITES.contains(s) || MssanteTls.TLS13_SUITES.contains(s));
    }

    @Test
    void eco_1_1_3_a_configuration_with_only_other_suites_is_refused() {
        TlsConfig other = new TlsConfig(TRUST, null, List.of("TLSv1.2"), List.of("TLS_RSA_WITH_AES_128_CBC_SHA"));
        assertThatThrownBy(() -> MssanteTls.allowedSuites(other)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MSS-TLS-SUITES");
    }

    @Test
    void eco_1_1_3_configured_suites_outside_the_list_are_dropped() {
        TlsConfig mixed = new TlsConfig(TRUST, null, List.of("TLSv1.2"),
                List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assertThat(MssanteTls.allowedSuites(mixed)).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void eco_1_1_1_protocols_below_tls_1_2_are_refused_by_the_configuration() {
        assertThatThrownBy(() -> new TlsConfig(TRUST, null, List.of("TLSv1.1"), null)).isInstanceOf(ConfigurationException.class);
    }
}
