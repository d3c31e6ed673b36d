package fr.duiconnect.harness.sandbox;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A vendor may ship every module and configure only some services: the others say which property is missing. */
class UnconfiguredServiceTest {

    @TempDir
    Path dir;

    @Test
    void aPresentModuleWithoutEndpointIsNotStartedAndNamesTheMissingProperty() {
        ConnectorConfig config = ConnectorConfig.builder()
                .software(new SoftwareIdentity("DUI test", "1", Map.of(), UUID.randomUUID())).h2Journal(dir).build();
        try (DuiConnector connector = DuiConnector.builder().config(config).build()) {
            assertThat(connector.availableServices()).doesNotContain(ServiceSocle.MSSANTE);
            assertThatThrownBy(connector::mssante)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("dui.mssante.url")
                    .hasMessageContaining("dui-connect-mssante");
        }
    }
}
