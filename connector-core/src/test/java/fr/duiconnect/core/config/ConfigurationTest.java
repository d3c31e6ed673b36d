package fr.duiconnect.core.config;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationTest {

    @TempDir
    Path dir;

    private Path write(String content) throws Exception {
        return Files.writeString(dir.resolve("connector.properties"), content);
    }

    private static final String BASE = """
            dui.software.name=MonDUI
            dui.software.version=4.2
            dui.software.installation-id=6b1f0c2e-8d7a-4a51-9d0e-0c7a3b9e2f10
            dui.software.homologation.insi=CNDA-123
            dui.journal.dir=journal
            """;

    @Test
    void aPropertiesFileGivesTheSoftwareJournalAndEndpoints() throws Exception {
        Files.writeString(dir.resolve("trust.pass"), "secret\n");
        Path file = write(BASE + """
                dui.dmp.url=https://dmp.example.test/repository
                dui.dmp.timeout.read=PT45S
                dui.dmp.tls.truststore=pki/trust.p12
                dui.dmp.tls.truststore.password.file=trust.pass
                dui.dmp.option.registry.url=https://dmp.example.test/registry
                """);
        ConnectorConfig config = ConnectorProperties.load(file, Map.of());

        assertThat(config.software().homologation("insi")).contains("CNDA-123");
        assertThat(config.journal().jdbcUrl()).startsWith("jdbc:h2:file:" + dir.resolve("journal"));
        EndpointConfig dmp = config.endpoint(ServiceSocle.DMP);
        assertThat(dmp.timeouts().read()).isEqualTo(Duration.ofSeconds(45));
        assertThat(dmp.timeouts().connect()).isEqualTo(Timeouts.DEFAULT.connect());
        assertThat(dmp.tls().trustStore().path()).isEqualTo(dir.resolve("pki/trust.p12"));
        assertThat(new String(dmp.tls().trustStore().password().chars())).isEqualTo("secret");
        assertThat(dmp.option("registry.url")).contains("https://dmp.example.test/registry");
        assertThat(config.endpointIfAny(ServiceSocle.INS)).isEmpty();
    }

    /**
     * Issue #19 (nothing-lost at scale): a lease that runs out while a delivery's exchanges are under way lets a second
     * delivery of the operation start while the peer still processes the first (a DLU deposited twice, a note posted twice).
     */
    @Test
    void aLeaseNotLongerThanADeliverysTwoExchangeDeadlinesIsAConfigurationError() throws Exception {
        Path shortLease = write(BASE + """
                dui.journal.lease=PT10S
                dui.mssante.url=smtp://smtp.example.test:587
                dui.mssante.timeout.connect=PT1S
                dui.mssante.timeout.read=PT15S
                """);
        assertThatThrownBy(() -> ConnectorProperties.load(shortLease, Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dui.journal.lease").hasMessageContaining("PT32S");

        Path longEnough = write(BASE + """
                dui.journal.lease=PT33S
                dui.mssante.url=smtp://smtp.example.test:587
                dui.mssante.timeout.connect=PT1S
                dui.mssante.timeout.read=PT15S
                """);
        assertThat(ConnectorProperties.load(longEnough, Map.of()).journal().lease()).isEqualTo(Duration.ofSeconds(33));
    }

    @Test
    void theBodiesOfDeliveredOperationsAreKeptThirtyDaysUnlessConfigured() throws Exception {
        assertThat(ConnectorProperties.load(write(BASE), Map.of()).journal().payloadRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(ConnectorProperties.load(write(BASE + "dui.journal.payload.retention=P7D\n"), Map.of()).journal()
                .payloadRetention()).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> ConnectorProperties.load(write(BASE + "dui.journal.payload.retention=-P1D\n"), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("journal.payload.retention");
    }

    @Test
    void dispatchConcurrencyIsADefaultPerServiceWithItsOwnOverrideAndALimitPerStructure() throws Exception {
        Path file = write(BASE + """
                dui.dispatch.concurrency=6
                dui.dispatch.per-structure-concurrency=2
                dui.mssante.url=smtp://smtp.example.test:587
                dui.mssante.option.concurrency=12
                """);
        ConnectorConfig config = ConnectorProperties.load(file, Map.of());

        assertThat(config.dispatch().perStructureConcurrency()).isEqualTo(2);
        assertThat(config.dispatch().concurrencyOf(ServiceSocle.MSSANTE, config.endpoint(ServiceSocle.MSSANTE))).isEqualTo(12);
        assertThat(config.dispatch().concurrencyOf(ServiceSocle.DMP, null)).isEqualTo(6);
        ConnectorConfig defaults = ConnectorProperties.load(write(BASE), Map.of());
        assertThat(defaults.dispatch()).isEqualTo(DispatchConfig.forJournal(defaults.journal()));
        assertThat(defaults.dispatch().concurrency()).as("the embedded H2 journal's 4 connections less one").isEqualTo(3);
    }

    @Test
    void aServiceConcurrencyBelowOneIsRefusedNamingItsProperty() throws Exception {
        ConnectorConfig config = ConnectorProperties.load(write(BASE + """
                dui.mssante.url=smtp://smtp.example.test:587
                dui.mssante.option.concurrency=0
                """), Map.of());

        assertThatThrownBy(() -> config.dispatch().concurrencyOf(ServiceSocle.MSSANTE, config.endpoint(ServiceSocle.MSSANTE)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dui.mssante.option.concurrency");
    }

    @Test
    void secretsComeFromEnvironmentVariablesAndNeverShowInToString() throws Exception {
        Path file = write(BASE + """
                dui.ins.url=https://insi.example.test/ws
                dui.ins.tls.truststore=trust.p12
                dui.ins.tls.truststore.password.env=TRUST_PASS
                """);
        ConnectorConfig config = ConnectorProperties.load(file, Map.of("TRUST_PASS", "s3cr3t"));
        Secret secret = config.endpoint(ServiceSocle.INS).tls().trustStore().password();

        assertThat(new String(secret.chars())).isEqualTo("s3cr3t");
        assertThat(secret.toString()).doesNotContain("s3cr3t").contains("TRUST_PASS");
    }

    @Test
    void anEnvironmentVariableOverridesThePropertyOfTheSameName() throws Exception {
        Files.writeString(dir.resolve("trust.pass"), "secret\n");
        Path file = write(BASE + """
                dui.dmp.url=https://dmp.example.test/repository
                dui.dmp.timeout.read=PT45S
                dui.dmp.tls.truststore=trust.p12
                dui.dmp.tls.truststore.password.file=trust.pass
                dui.dmp.option.finess=750000010
                """);
        ConnectorConfig config = ConnectorProperties.load(file, Map.of(
                "DUI_DMP_URL", "https://dmp.prod.test/repository",
                "DUI_DMP_TIMEOUT_READ", "PT20S",
                "DUI_DMP_OPTION_FINESS", "690000011",
                "DUI_SOFTWARE_INSTALLATION_ID", "00000000-0000-4000-8000-000000000001"));

        EndpointConfig dmp = config.endpoint(ServiceSocle.DMP);
        assertThat(dmp.url()).hasToString("https://dmp.prod.test/repository");
        assertThat(dmp.timeouts().read()).isEqualTo(Duration.ofSeconds(20));
        assertThat(dmp.option("finess")).contains("690000011");
        assertThat(config.software().installationId()).hasToString("00000000-0000-4000-8000-000000000001");
    }

    @Test
    void anEnvironmentVariableAloneConfiguresAServiceAndItsOptions() throws Exception {
        Files.writeString(dir.resolve("trust.pass"), "secret\n");
        Path file = write(BASE);
        ConnectorConfig config = ConnectorProperties.load(file, Map.of(
                "DUI_EPARCOURS_URL", "https://eparcours.example.test/fhir",
                "DUI_EPARCOURS_TLS_TRUSTSTORE", "trust.p12",
                "DUI_EPARCOURS_TLS_TRUSTSTORE_PASSWORD_FILE", "trust.pass",
                "DUI_EPARCOURS_OPTION_FINESS", "750000010"));

        EndpointConfig eparcours = config.endpoint(ServiceSocle.EPARCOURS);
        assertThat(eparcours.url()).hasToString("https://eparcours.example.test/fhir");
        assertThat(eparcours.tls().trustStore().path()).isEqualTo(dir.resolve("trust.p12"));
        assertThat(eparcours.option("finess")).contains("750000010");
    }

    @Test
    void theEnvironmentNameOfAPropertyIsUpperCaseWithUnderscores() {
        assertThat(ConnectorProperties.environmentName("dui.software.installation-id")).isEqualTo("DUI_SOFTWARE_INSTALLATION_ID");
        assertThat(ConnectorProperties.environmentName("dui.dmp.url")).isEqualTo("DUI_DMP_URL");
    }

    @ParameterizedTest(name = "dui.{0}.url=http://… is refused")
    @ValueSource(strings = {"ins", "dmp", "eprescription", "eparcours"})
    void aCleartextUrlIsAConfigurationErrorAtStart(String service) throws Exception {
        Path file = write(BASE + "dui." + service + ".url=http://service.example.test/path\n");
        assertThatThrownBy(() -> ConnectorProperties.load(file, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dui." + service + ".url").hasMessageContaining("cleartext");
    }

    @Test
    void aTlsEndpointWithoutTrustStoreIsRefused_theJdkDefaultStoreIsNotUsed() throws Exception {
        Path file = write(BASE + "dui.ins.url=https://insi.example.test/ws\n");
        assertThatThrownBy(() -> ConnectorProperties.load(file, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dui.ins.tls.truststore");
    }

    @Test
    void aMissingRequiredPropertyIsNamed() throws Exception {
        Path file = write("dui.software.name=X\n");
        assertThatThrownBy(() -> ConnectorProperties.load(file, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dui.software.version");
    }

    @Test
    void anUnsetSecretVariableIsNamed() throws Exception {
        Path file = write(BASE + """
                dui.ins.url=https://insi.example.test/ws
                dui.ins.tls.truststore=trust.p12
                dui.ins.tls.truststore.password.env=NOT_SET_ANYWHERE
                """);
        assertThatThrownBy(() -> ConnectorProperties.load(file, Map.of()))
                .hasMessageContaining("NOT_SET_ANYWHERE");
    }

    @Test
    void aJournalPasswordVariableLeftUnsetIsAConfigurationError() throws Exception {
        Path file = write(BASE + "dui.journal.password.env=DUI_JOURNAL_PASSWORD_NOT_SET\n");
        assertThatThrownBy(() -> ConnectorProperties.load(file, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DUI_JOURNAL_PASSWORD_NOT_SET");
    }

    @Test
    void timeoutsAreNeverInfinite() {
        assertThatThrownBy(() -> new Timeouts(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("timeout.connect");
        assertThatThrownBy(() -> new Timeouts(Duration.ofSeconds(1), Duration.ZERO)).hasMessageContaining("timeout.read");
    }

    @Test
    void onlyTls12And13AreAllowed() {
        KeyStoreMaterial trust = KeyStoreMaterial.of(dir.resolve("t.p12"), Secret.of("x"));
        assertThatThrownBy(() -> new TlsConfig(trust, null, java.util.List.of("TLSv1.1"), null))
                .hasMessageContaining("TLSv1.1");
        assertThat(TlsConfig.trusting(trust).protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void retryDelaysGrowExponentiallyWithinJitterAndStopAtTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, 0.2);
        SplittableRandom random = new SplittableRandom(42);
        assertThat(policy.delayAfter(1, random).toMillis()).isBetween(80L, 120L);
        assertThat(policy.delayAfter(3, random).toMillis()).isBetween(320L, 480L);
        assertThat(policy.delayAfter(9, random).toMillis()).isBetween(800L, 1200L);
    }

    @Test
    void theUnknownOutcomeWindowIsADayUnlessConfiguredAndNeverNegative() throws Exception {
        assertThat(ConnectorProperties.load(write(BASE), Map.of()).retry().unknownOutcomeWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(ConnectorProperties.load(write(BASE + "dui.retry.unknown-outcome-window=PT2H\n"), Map.of()).retry()
                .unknownOutcomeWindow()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> ConnectorProperties.load(write(BASE + "dui.retry.unknown-outcome-window=-PT1S\n"), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown-outcome-window");
    }
}
