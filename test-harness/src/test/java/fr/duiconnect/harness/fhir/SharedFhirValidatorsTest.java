package fr.duiconnect.harness.fhir;

import fr.duiconnect.core.ConnectorHealth;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.fhir.FhirValidators;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR validators of a JVM are built once, in the background: the e-prescription, e-parcours and annuaire modules
 * and the platform simulator given the same shared resources get one validator per set of IGs (the simulator shares
 * the e-parcours module's), and the connector's health says when they are ready, or why they failed.
 */
class SharedFhirValidatorsTest {

    @Test
    void theThreeFhirModulesAndThePlatformSimulatorShareOnePackageSet(@TempDir Path dir) throws Exception {
        try (Sandbox sandbox = Sandbox.start(dir, Set.of(ServiceSocle.EPRESCRIPTION, ServiceSocle.EPARCOURS, ServiceSocle.ANNUAIRE), false);
             DuiConnector connector = DuiConnector.builder().config(sandbox.connectorConfig())
                     .sharedResources(sandbox.sharedResources()).build()) {
            ConnectorHealth health = connector.awaitReady(Duration.ofMinutes(5));

            assertThat(health.ready()).as(health.toString()).isTrue();
            assertThat(health.services().keySet()).contains(ServiceSocle.EPRESCRIPTION, ServiceSocle.EPARCOURS, ServiceSocle.ANNUAIRE);
            // one per module's IGs; the platform simulator's is the e-parcours module's, not a fourth
            List<List<String>> sets = FhirValidators.in(sandbox.sharedResources()).packageSets().stream()
                    .map(igs -> igs.stream().map(ig -> ig.getParent().getFileName().toString()).toList()).toList();
            assertThat(sets).containsExactlyInAnyOrder(List.of("cahier-de-liaison", "cercle-de-soins", "notification-evenements"),
                    List.of("eprescription"), List.of("ans.fhir.fr.annuaire#1.2.0-snapshot-2", "hl7.fhir.fr.core#2.2.0"));
        }
    }

    @Test
    void aConnectorWhoseFhirPackagesCannotBeReadStartsAndItsHealthSaysWhy(@TempDir Path dir) throws Exception {
        Path corrupt = Files.writeString(Files.createDirectories(dir.resolve("broken")).resolve("package.tgz"), "not a gzip archive");
        try (Sandbox sandbox = Sandbox.start(dir.resolve("sandbox"), Set.of(ServiceSocle.EPARCOURS), false);
             DuiConnector connector = DuiConnector.builder()
                     .config(sandbox.connectorConfigWith(Map.of("dui.eparcours.option.ig.packages", corrupt.toString()))).build()) {
            ConnectorHealth health = connector.awaitReady(Duration.ofMinutes(5));

            assertThat(health.of(ServiceSocle.EPARCOURS)).isEqualTo(ConnectorHealth.State.FAILED);
            assertThat(health.services().get(ServiceSocle.EPARCOURS).detail()).contains(corrupt.toString());
            assertThat(health.ready()).isFalse();
        }
    }
}
