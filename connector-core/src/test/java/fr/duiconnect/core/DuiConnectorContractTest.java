package fr.duiconnect.core;

import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.error.ModuleNotAvailableException;
import fr.duiconnect.core.ins.InsClient;
import fr.duiconnect.core.testing.ScriptedClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade's contract: modules found by ServiceLoader, a clear error for absent ones, no Camel in the API. */
class DuiConnectorContractTest {

    @TempDir
    Path dir;

    private ConnectorConfig config() {
        return ConnectorConfig.builder()
                .software(new SoftwareIdentity("DUI test", "1.0", Map.of(), UUID.randomUUID()))
                .journal(JournalConfig.h2(dir))
                .build();
    }

    @Test
    void aServiceWhoseModuleIsPresentIsHandedOut() {
        try (DuiConnector connector = DuiConnector.builder().config(config()).build()) {
            assertThat(connector.availableServices()).containsExactly(ServiceSocle.INS);
            assertThat(connector.ins()).isInstanceOf(InsClient.class).isInstanceOf(ScriptedClient.class);
        }
    }

    @Test
    void aServiceWhoseModuleIsAbsentNamesTheArtifactToAdd() {
        try (DuiConnector connector = DuiConnector.builder().config(config()).build()) {
            assertThatThrownBy(connector::dmp)
                    .isInstanceOf(ModuleNotAvailableException.class)
                    .hasMessageContaining("CORE-MODULE-MISSING")
                    .hasMessageContaining("fr.duiconnect:dui-connect-dmp");
            assertThatThrownBy(connector::mssante).hasMessageContaining("dui-connect-mssante");
            assertThatThrownBy(connector::eprescription).hasMessageContaining("dui-connect-eprescription");
            assertThatThrownBy(connector::eparcours).hasMessageContaining("dui-connect-eparcours");
        }
    }

    @Test
    void aConnectorCanBeBuiltFromAPropertiesFile() throws Exception {
        Path file = Files.writeString(dir.resolve("c.properties"), """
                dui.software.name=MonDUI
                dui.software.version=1
                dui.software.installation-id=6b1f0c2e-8d7a-4a51-9d0e-0c7a3b9e2f10
                dui.journal.dir=j
                """);
        try (DuiConnector connector = DuiConnector.fromProperties(file)) {
            assertThat(connector.config().software().name()).isEqualTo("MonDUI");
        }
    }

    @Test
    void noCamelTypeAppearsInThePublicApi() {
        for (Class<?> type : new Class<?>[] {DuiConnector.class, DuiConnector.Builder.class, ConnectorMetrics.class}) {
            Arrays.stream(type.getMethods()).forEach(method -> {
                assertThat(method.getReturnType().getName()).doesNotStartWith("org.apache.camel");
                Arrays.stream(method.getParameterTypes()).forEach(p -> assertThat(p.getName()).doesNotStartWith("org.apache.camel"));
            });
        }
    }
}
