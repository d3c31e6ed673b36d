package fr.duiconnect.harness.sandbox;

import fr.duiconnect.core.ConnectorHealth;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.harness.dmp.KitDlu;
import fr.duiconnect.core.dmp.NonOpposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The structure material of INS, DMP and MSSanté (key stores, TLS contexts, SOAP bus, S/MIME provider) is built in the
 * background once the connector has started (#16: ready in under 2 s), so a configuration error in it is no longer
 * thrown by {@code build()}: {@code awaitReady()} names it, the other services work, and every call of the service
 * that has it is refused with it before anything is journaled.
 */
class DeferredKeyMaterialTest {

    @TempDir
    static Path dir;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(dir.resolve("sandbox"), EnumSet.of(ServiceSocle.INS, ServiceSocle.DMP, ServiceSocle.MSSANTE), false);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void every_service_of_a_correct_configuration_becomes_ready() throws Exception {
        try (DuiConnector connector = DuiConnector.builder().config(ConnectorProperties.load(sandbox.propertiesFile())).build()) {
            ConnectorHealth health = connector.awaitReady(Duration.ofMinutes(2));
            assertThat(health.ready()).as(health.services().toString()).isTrue();
        }
    }

    @Test
    void a_wrong_signing_key_store_password_is_named_by_the_readiness_signal_and_refuses_every_dmp_call_before_journaling() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong.pass"), "not-the-password");
        Path properties = sandbox.propertiesFileWith("wrong-sign-password.properties", Map.of(
                "dui.dmp.option.sign.keystore.password.file", wrong.toString(),
                "dui.journal.dir", dir.resolve("journal-wrong-password").toString()));
        try (DuiConnector connector = DuiConnector.builder().config(ConnectorProperties.load(properties)).build()) {
            ConnectorHealth health = connector.awaitReady(Duration.ofMinutes(2));

            assertThat(health.of(ServiceSocle.DMP)).isEqualTo(ConnectorHealth.State.FAILED);
            assertThat(health.services().get(ServiceSocle.DMP).detail()).contains("dmp-org-sign.p12").contains("password");
            assertThat(health.of(ServiceSocle.INS)).isEqualTo(ConnectorHealth.State.READY);
            assertThat(health.of(ServiceSocle.MSSANTE)).isEqualTo(ConnectorHealth.State.READY);
            byte[] cda = KitDlu.load(Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit"))
                    .forStructure(Sandbox.TEST_FINESS).cda();
            NonOpposition recorded = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDEC");
            assertThatThrownBy(() -> connector.dmp().deposit(DmpDeposit.of(cda, KitDlu.KIT_PATIENT, recorded)))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("dmp-org-sign.p12");
            assertThat(connector.operations().list(OperationState.PENDING, 10)).isEmpty();
        }
    }
}
