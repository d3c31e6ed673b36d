package fr.duiconnect.harness.sandbox;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.dmp.KitDlu;
import fr.duiconnect.harness.fhir.InsPersona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox starts on free loopback ports, records what it receives when asked, and stops cleanly. */
class SandboxLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void startsOnFreeLoopbackPortsRecordsRequestsAndReleasesItsPorts() throws Exception {
        List<Integer> ports = new ArrayList<>();
        Set<ServiceSocle> services = Set.of(ServiceSocle.INS, ServiceSocle.EPRESCRIPTION, ServiceSocle.EPARCOURS, ServiceSocle.DMP);
        try (Sandbox sandbox = Sandbox.start(dir, services, true);
             DuiConnector connector = DuiConnector.builder().config(sandbox.connectorConfig()).build()) {
            for (ServiceSocle socle : services) {
                EndpointConfig endpoint = sandbox.connectorConfig().endpoint(socle);
                assertThat(endpoint.url().getHost()).isIn("127.0.0.1", "localhost");
                ports.add(endpoint.url().getPort());
            }
            assertThat(Files.readString(sandbox.propertiesFile())).contains("dui.ins.url", "dui.eprescription.url", "dui.eparcours.url");

            connector.ins().search(InsSearchRequest.of(new PersonIdentity("IPP-1", new IdentityTraits("ADRUN", List.of("ZOE"), null, null,
                    Sex.F, LocalDate.of(1975, 12, 31), "63220"), null, fr.duiconnect.core.model.IdentityStatus.PROV, Set.of()), Sandbox.TEST_FINESS));
            connector.eprescription().importPrescription("SIM7000002", InsPersona.ALL.get(1).identity());
            connector.eparcours().pull(InsPersona.ALL.get(1).identity());
            connector.dmp().testExistence(KitDlu.KIT_PATIENT);

            for (String service : List.of("ins", "eprescription", "eparcours", "dmp")) {
                Path recorded = dir.resolve("recorded").resolve(service);
                try (Stream<Path> files = Files.list(recorded)) {
                    assertThat(files.count()).as("requests recorded for %s", service).isPositive();
                }
            }
            for (String service : List.of("ins", "dmp")) {
                try (Stream<Path> files = Files.list(dir.resolve("recorded").resolve(service))) {
                    assertThat(files.toList()).filteredOn(f -> f.getFileName().toString().endsWith("-request.txt"))
                            .allSatisfy(f -> assertThat(Files.readString(f)).as("request line, headers, then the SOAP body")
                                    .startsWith("POST /").containsIgnoringCase("Content-Type: ").contains("\n\n").contains("Envelope"));
                }
            }
            String token = Files.readString(dir.resolve("eprescription").resolve("bearer.token"));
            try (Stream<Path> files = Files.list(dir.resolve("recorded").resolve("eprescription"))) {
                for (Path file : files.toList()) {
                    assertThat(Files.readString(file)).contains("GET /fhir").doesNotContain(token);
                }
            }
        }
        for (int port : ports) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                }
            }).as("port %d released", port).isInstanceOf(IOException.class);
        }
    }
}
