package fr.duiconnect.harness.structures;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.insi.InsiSimulator;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.ins.insi.InsiBus;
import fr.duiconnect.ins.insi.InsiNamespaces;
import fr.duiconnect.ins.insi.InsiQuery;
import fr.duiconnect.ins.insi.InsiSoap;
import fr.duiconnect.ins.insi.InsiTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an active INSi structure holds in heap (#21): {@value #STRUCTURES} structures, each with its own INSi
 * certificate and Emetteur, each searching once on the module's one CXF bus; heap after GC before and after, once
 * the kept-alive connections are gone (what stays is the structure's transport and TLS context). Measured on the
 * transports alone, with no journal or audit around them, whose caches move the heap by more than the structures do.
 * Every search is accepted by the INSi simulator, which refuses an Emetteur that is not the TLS certificate's
 * structure: sharing the bus mixes no identities.
 */
class InsiStructureHeapTest {

    static final int STRUCTURES = 200;
    /**
     * Per active structure, its certificates and the simulator's TLS session for it included: 156–164 KB with a CXF bus
     * per structure, 105–116 KB on a shared bus with a dispatch per INSi operation, 68–72 KB with one dispatch here;
     * 113 KB once in CI and 156 KB on a machine loaded by two 10,000-operation runs, with earlier test classes in the
     * same JVM. Heap read in a test is too noisy to tell those apart (the figure is the benchmark's,
     * {@code bench multi-structure}, on a quiet machine): the bound only catches a gross regression, such as a
     * structure keeping a JAXB context, a schema or a FHIR context of its own (MBs).
     */
    static final long BOUND_BYTES = 512 * 1024;

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.INS);

    private static List<Structure> issued;

    @Test
    void anActiveInsiStructureHoldsItsTlsContextAndTransportNotABus() {
        ConnectorConfig config = sandbox.sandbox().connectorConfig();
        List<Structure> structures = structures();
        List<InsiTransport> active = new ArrayList<>();
        try (InsiBus bus = new InsiBus()) {
            active.add(search(bus, structures.get(0), config));   // the shared parts (bus, classes) warm
            long idle = heapAfterGc();
            long start = System.nanoTime();
            for (Structure structure : structures.subList(1, structures.size())) {
                active.add(search(bus, structure, config));
            }
            double firstSearchMs = (System.nanoTime() - start) / 1e6 / STRUCTURES;
            idleConnectionsClosed();
            long after = heapAfterGc();
            long perStructure = (after - idle) / STRUCTURES;
            System.out.printf(Locale.ROOT, "INSi heap per active structure: %.1f KB (%d structures: %.1f MB before, %.1f MB after);"
                    + " first search of a structure %.1f ms%n", perStructure / 1024.0, STRUCTURES, idle / 1e6, after / 1e6, firstSearchMs);
            assertThat(perStructure).isLessThan(BOUND_BYTES);
            assertThat(active).hasSize(STRUCTURES + 1);   // held until measured
            active.forEach(InsiTransport::close);
        }
    }

    /**
     * A replaced registry entry (a rotated certificate) leaves its structure's old transport to the garbage collector,
     * unclosed, since an exchange may still be using it: the shared bus must keep nothing of it. What stays is the
     * simulator's server-side TLS session for each client (the JDK keeps one a day), a few KB.
     */
    @Test
    void aTransportLeftBehindByARotationIsNotKeptByTheSharedBus() {
        ConnectorConfig config = sandbox.sandbox().connectorConfig();
        List<Structure> structures = structures();
        try (InsiBus bus = new InsiBus()) {
            search(bus, structures.get(0), config);
            long before = heapAfterGc();
            for (Structure structure : structures.subList(1, structures.size())) {
                search(bus, structure, config);   // dropped at once, as PerStructure drops a replaced entry's state
            }
            idleConnectionsClosed();
            long perStructure = (heapAfterGc() - before) / STRUCTURES;
            System.out.printf(Locale.ROOT, "INSi heap left per dropped structure transport: %.1f KB%n", perStructure / 1024.0);
            assertThat(perStructure).isLessThan(BOUND_BYTES / 4);
        }
    }

    private record Structure(String finess, EndpointConfig endpoint) {
    }

    /** A structure's first search: its transport built (its certificate, its TLS context) and used once. */
    private static InsiTransport search(InsiBus bus, Structure structure, ConnectorConfig config) {
        InsiTransport transport = bus.transport(structure.endpoint(), InsiTransport.DEFAULT_MAX_ANSWER_BYTES);
        String request = InsiSoap.request(new InsiQuery("ADRUN", "ZOE", Sex.F, LocalDate.of(1975, 12, 31), "63220"),
                config.software(), structure.finess(), UUID.randomUUID().toString(), Instant.now());
        // A refused identity would come back as a fault (INS-INSI-ACCESS), thrown here.
        assertThat(transport.call(request, InsiNamespaces.ACTION_SEARCH_BY_TRAITS).text()).contains("CR");
        return transport;
    }

    private static synchronized List<Structure> structures() {
        if (issued == null) {
            issued = issue(sandbox.sandbox().connectorConfig().endpoint(ServiceSocle.INS));
        }
        return issued;
    }

    private static List<Structure> issue(EndpointConfig insi) {
        TestPki pki = sandbox.sandbox().pki();
        InsiSimulator simulator = sandbox.sandbox().simulator(InsiSimulator.class);
        pki.sharingOneKeyPairFromNowOn();   // a certificate per structure, one RSA key for all: issuing stays quick
        List<Structure> structures = new ArrayList<>();
        for (int i = 0; i < STRUCTURES + 1; i++) {
            String finess = String.format(Locale.ROOT, "%02d%07d", 1 + i % 95, 2_000_000 + i);
            Map<String, String> options = new HashMap<>(insi.options());
            options.put("finess", finess);
            EndpointConfig own = new EndpointConfig(insi.url(), insi.timeouts(),
                    insi.tls().withClientKey(simulator.issueStructureCertificate(pki, finess).keyStore()), options);
            structures.add(new Structure(finess, own));
        }
        return structures;
    }

    /** The HTTPS connections kept alive after a search (the JDK keeps an idle one 5 s) are transient, not retained. */
    private static void idleConnectionsClosed() {
        try {
            Thread.sleep(6_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
