package fr.duiconnect.cli.bench;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.Visibility;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureRegistry;
import fr.duiconnect.core.structure.StructureService;
import fr.duiconnect.dmp.DmpErrorCode;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.dmp.KitDlu;
import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.insi.InsiSimulator;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code dui-connect bench multi-structure}: one connector for many structures against the sandbox. Every structure has
 * its own INSi certificate, every {@code dmpEvery}-th its DMP certificates too (ORG AUTH_CLI and ORG SIGN), all issued
 * by the test PKI before the timing (on one shared key pair: the certificates differ, the RSA key generation is skipped). Prints the start time, the heap (after GC) per idle and per active structure, the
 * throughput of mixed synchronous exchanges spread over all structures, and the latency of one structure's single
 * journaled operation while another structure has a backlog (the dispatcher's fairness).
 */
public final class MultiStructureBench {

    private static final InsSearchRequest ADRUN = InsSearchRequest.of(new PersonIdentity("BENCH",
            new IdentityTraits("ADRUN", List.of("ZOE"), null, null, Sex.F, LocalDate.of(1975, 12, 31), "63220"), null,
            IdentityStatus.PROV, Set.of()), null);

    private static final MssanteMessage MESSAGE = MssanteMessage.builder().to(MssanteOperatorSimulator.HOSPITAL_DOCTOR)
            .person(PersonIdentity.provisional("BENCH-7", new IdentityTraits("DURAND", List.of("MARIE"), null, null, Sex.F,
                    LocalDate.of(1940, 2, 1), null)))
            .label("Nouvelles de Mme Durand").body("Bonjour,\r\nrésidente stable.").build();

    private final int structures;
    private final int operations;
    private final int threads;
    private final int dmpEvery;
    private final int backlog;
    private final int samples;
    private final PrintWriter out;

    public MultiStructureBench(int structures, int operations, int threads, int dmpEvery, int backlog, int samples, PrintWriter out) {
        this.structures = structures;
        this.operations = operations;
        this.threads = threads;
        this.dmpEvery = Math.max(1, dmpEvery);
        this.backlog = backlog;
        this.samples = samples;
        this.out = out;
    }

    /** Longer than any validator build seen here (5.7 s for every module on a quiet machine, 120 s on a starved one). */
    private static final java.time.Duration READY_WAIT = java.time.Duration.ofMinutes(5);

    /** Runs every phase with its sandbox and journal under {@code directory}. */
    public int run(Path directory) throws Exception {
        try (Sandbox sandbox = Sandbox.start(directory, Set.of(ServiceSocle.INS, ServiceSocle.DMP, ServiceSocle.MSSANTE,
                ServiceSocle.EPARCOURS), false)) {
            long issuing = System.nanoTime();
            List<StructureProfile> profiles = profiles(sandbox);
            out.printf(Locale.ROOT, "certificates and tokens: %d structures (all INSi, %d DMP, %d MSSanté, %d e-parcours), issued in %.1f s"
                            + " (not timed below)%n", structures, having(profiles, ServiceSocle.DMP), having(profiles, ServiceSocle.MSSANTE),
                    having(profiles, ServiceSocle.EPARCOURS), seconds(issuing));

            long heapBefore = heapAfterGc();
            long start = System.nanoTime();
            try (DuiConnector single = DuiConnector.builder().config(sandbox.connectorConfig()).build()) {
                out.printf(Locale.ROOT, "start: one structure %.0f ms", millis(start));
                // The FHIR validators are built once per JVM, in the background: in the heap before, not charged to the structures.
                single.awaitReady(READY_WAIT);
                out.printf(Locale.ROOT, " (ready %.0f ms)%n", millis(start));
            }
            StructureRegistry registry = StructureRegistry.of(profiles);
            heapBefore = Math.min(heapBefore, heapAfterGc());
            start = System.nanoTime();
            try (DuiConnector connector = DuiConnector.builder().config(sandbox.connectorConfig()).structures(registry).build()) {
                out.printf(Locale.ROOT, "start: %d structures %.0f ms", structures, millis(start));
                connector.awaitReady(READY_WAIT);
                out.printf(Locale.ROOT, " (ready %.0f ms)%n", millis(start));
                // One exchange per service first: what the JVM fills once (FHIR validation snapshots, classes, the
                // journal's caches) is in the idle heap, not charged to the active structures (4 of them active then).
                Mix mix = new Mix(connector, profiles);
                mix.warmUp();
                long heapIdle = heapAfterGc();
                out.printf(Locale.ROOT, "heap after GC: %.1f MB with the connector and %d idle structures (%.1f MB before it)%n",
                        heapIdle / 1e6, structures, heapBefore / 1e6);
                long registryOnly = registryHeap(profiles);
                out.printf(Locale.ROOT, "heap per idle structure: %.1f KB (its registry entry; certificates stay on disk until its first exchange)%n",
                        registryOnly / 1024.0 / structures);

                // first each structure's first exchange with each of its services (its clients built), then the rest on warm clients
                int first = Math.min(mix.firstExchanges(), operations);
                int errors = mix.run("first exchange of each structure with each of its services (" + first + ")", 0, first);
                long heapActive = heapAfterGc();
                int active = Math.min(structures, first);
                out.printf(Locale.ROOT, "heap per active structure: %.1f KB (TLS contexts, transports, signers, FHIR clients built on first"
                                + " exchange; %d structures active with %s services each on average)%n", (heapActive - heapIdle) / 1024.0 / active,
                        active, String.format(Locale.ROOT, "%.2f", profiles.stream().limit(active).mapToInt(p -> p.services().size()).average().orElse(0)));
                errors += mix.run("mixed over " + profiles.size() + " structures", first, operations - first);
                out.printf(Locale.ROOT, "mix: %s%n", mix.counts());
                errors += fairness(connector, profiles);
                return errors == 0 ? 0 : 3;
            }
        }
    }

    private List<StructureProfile> profiles(Sandbox sandbox) {
        InsiSimulator insi = sandbox.simulator(InsiSimulator.class);
        DmpSimulator dmp = sandbox.simulator(DmpSimulator.class);
        MssanteOperatorSimulator operator = sandbox.simulator(MssanteOperatorSimulator.class);
        EParcoursSimulator platform = sandbox.simulator(EParcoursSimulator.class);
        TestPki pki = sandbox.pki();
        String pass = pki.directory().resolve("pki.pass").toString();
        List<StructureProfile> profiles = new ArrayList<>();
        pki.sharingOneKeyPairFromNowOn();   // a certificate per structure and service, one RSA key for all
        for (int i = 0; i < structures; i++) {
            String finess = String.format(Locale.ROOT, "%02d%07d", 1 + i % 95, 1_000_000 + i);
            StructureProfile.Builder builder = StructureProfile.builder(Finess.of(finess), "EHPAD " + i).category("500")
                    .service(ServiceSocle.INS, StructureService.of(insi.issueStructureCertificate(pki, finess).keyStore(), null));
            if (i % dmpEvery == 0) {
                List<IssuedCertificate> certificates = dmp.issueStructureCertificates(pki, finess, null);
                builder.service(ServiceSocle.DMP, new StructureService(certificates.get(0).keyStore(), certificates.get(1).keyStore(),
                        Map.of("vihf.name-id", "810001234565")));
            }
            if (i % dmpEvery == dmpEvery / 2) {   // as many as with the DMP, other structures
                // its own application mailbox at the operator, bound to its own authentication certificate
                String mailbox = "ehpad-" + finess + "_auto@ehpad.mssante.fr";
                String cn = "EHPAD-" + finess + "-MSSANTE";
                operator.host(mailbox, MailboxKind.APPLICATION, cn);
                builder.service(ServiceSocle.MSSANTE, new StructureService(pki.issueOrgAuthClient("mss-auth-" + finess + ".p12", cn, finess).keyStore(),
                        null, Map.of("mailbox", mailbox, "mailbox.kind", "application", "mailbox.unit", "EHPAD " + i,
                        "reply-to", MssanteOperatorSimulator.ORG_MAILBOX,
                        "smime.keystore", pki.issueSmime("mss-smime-" + finess + ".p12", mailbox).keyStore().path().toString(),
                        "smime.keystore.password.file", pass, "smime.keystore.alias", TestPki.KEY_ALIAS)));
            }
            if (i % (2 * dmpEvery) == Math.min(3, 2 * dmpEvery - 1)) {   // half as many
                builder.service(ServiceSocle.EPARCOURS, new StructureService(null, null, Map.of(
                        "token.file", platform.issueStructureToken(finess).toString(), "structure.name", "EHPAD " + i)));
            }
            profiles.add(builder.build());
        }
        return profiles;
    }

    private static long having(List<StructureProfile> profiles, ServiceSocle socle) {
        return profiles.stream().filter(p -> p.service(socle).isPresent()).count();
    }

    /** Heap of a registry holding the profiles, measured alone (the connector's own heap moves by more than that). */
    private long registryHeap(List<StructureProfile> profiles) {
        long before = heapAfterGc();
        StructureRegistry copy = StructureRegistry.of(profiles.stream().map(MultiStructureBench::copy).toList());
        long after = heapAfterGc();
        if (copy.size() != profiles.size()) {
            throw new IllegalStateException("registry size");
        }
        return Math.max(0, after - before);
    }

    /** A deep copy, so that the measure counts the entries, not objects the source list shares. */
    private static StructureProfile copy(StructureProfile p) {
        StructureProfile.Builder builder = StructureProfile.builder(Finess.of(new String(p.finess().value().toCharArray())),
                new String(p.name().toCharArray())).category(p.category());
        p.services().forEach((socle, service) -> builder.service(socle, new StructureService(
                service.authentication() == null ? null : new fr.duiconnect.core.config.KeyStoreMaterial(Path.of(service.authentication().path().toString()),
                        service.authentication().password(), service.authentication().alias()),
                service.signature() == null ? null : new fr.duiconnect.core.config.KeyStoreMaterial(Path.of(service.signature().path().toString()),
                        service.signature().password(), service.signature().alias()),
                Map.copyOf(service.options()))));
        return builder.build();
    }

    /**
     * Exchanges spread over every structure: operation {@code i} is structure {@code i mod N}'s, and its
     * {@code i div N}-th exchange takes in turn each service the structure has: an INSi search, a DMP TD0.2, an MSSanté
     * message, an e-parcours note. Messages and notes are journaled: each is timed from acceptance until delivered
     * (SENT or ACKED), a failure counts as an error.
     */
    private final class Mix {

        private final DuiConnector connector;
        private final List<StructureProfile> profiles;
        private final Map<ServiceSocle, java.util.concurrent.atomic.AtomicInteger> counts = new java.util.EnumMap<>(ServiceSocle.class);
        private final List<Map.Entry<StructureProfile, ServiceSocle>> firsts = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();

        Mix(DuiConnector connector, List<StructureProfile> profiles) {
            this.connector = connector;
            this.profiles = profiles;
            for (ServiceSocle socle : List.of(ServiceSocle.INS, ServiceSocle.DMP, ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS)) {
                counts.put(socle, new java.util.concurrent.atomic.AtomicInteger());
            }
            for (int rank = 0; rank < counts.size(); rank++) {
                for (StructureProfile structure : profiles) {
                    List<ServiceSocle> services = services(structure);
                    if (services.size() > rank) {
                        firsts.add(Map.entry(structure, services.get(rank)));
                    }
                }
            }
        }

        int run(String scenario, int from, int count) throws Exception {
            if (count <= 0) {
                return 0;
            }
            BenchResult result = BenchRunner.run(scenario, count, threads, 0, i -> {
                try {
                    exchange(from + i);
                } catch (RuntimeException e) {
                    firstError.compareAndSet(null, e.toString());   // the figures of a failing run say why
                    throw e;
                }
            }, null);
            out.println(result.describe());
            if (result.errors() > 0) {
                out.println("first error: " + firstError.get());
            }
            return (int) result.errors();
        }

        /** One exchange with each service, on the first structure that has it. */
        void warmUp() {
            for (ServiceSocle socle : counts.keySet()) {
                for (int i = 0; i < firsts.size(); i++) {
                    if (firsts.get(i).getValue() == socle) {
                        exchange(i);
                        break;
                    }
                }
            }
        }

        /** One per structure and service it has: ranked first every structure's first service, then its second... */
        int firstExchanges() {
            return firsts.size();
        }

        private List<ServiceSocle> services(StructureProfile structure) {
            return counts.keySet().stream().filter(s -> structure.service(s).isPresent()).toList();
        }

        private void exchange(int i) {
            StructureProfile structure;
            ServiceSocle socle;
            if (i < firsts.size()) {
                structure = firsts.get(i).getKey();
                socle = firsts.get(i).getValue();
            } else {
                structure = profiles.get(i % profiles.size());
                List<ServiceSocle> services = services(structure);
                socle = services.get((i / profiles.size()) % services.size());
            }
            counts.get(socle).incrementAndGet();
            var view = connector.forStructure(structure.finess().value());
            switch (socle) {
                case DMP -> view.dmp().testExistence(KitDlu.KIT_PATIENT);
                case MSSANTE -> delivered(view.mssante().send(MESSAGE));
                case EPARCOURS -> delivered(view.eparcours().post(NoteDraft.of(InsPersona.ALL.get(i % InsPersona.ALL.size()).identity(),
                        NoteType.OBS, "Nuit calme, pas de chute.")));
                default -> {
                    if (!view.ins().search(ADRUN).found()) {
                        throw new IllegalStateException("ADRUN ZOE not found");
                    }
                }
            }
        }

        private void delivered(OperationReceipt receipt) {
            var status = connector.operations().await(receipt.operationId(), Duration.ofMinutes(2));
            if (status.state() != OperationState.SENT && status.state() != OperationState.ACKED) {
                throw new IllegalStateException(status.kind() + " " + status.state() + ": " + status.lastError());
            }
        }

        String counts() {
            return counts.entrySet().stream().map(e -> e.getKey().key() + " " + e.getValue().get())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /**
     * Structure A accepts a backlog of journaled DMP operations; structure B then sends single ones, one at a time,
     * each timed from acceptance to its final state. Each is an ITI-57 visibility change of a document the DMP does not
     * hold: one ITI-18 round trip with a signed VIHF, then FAILED (DMP-DOCUMENT-NOT-FOUND), a complete delivery.
     * Any other outcome than FAILED DMP-DOCUMENT-NOT-FOUND after one exchange counts as an error; the expected WARN
     * lines (one per operation) are held back unless verbose.
     */
    private int fairness(DuiConnector connector, List<StructureProfile> profiles) {
        List<StructureProfile> withDmp = profiles.stream().filter(p -> p.service(ServiceSocle.DMP).isPresent()).limit(2).toList();
        if (withDmp.size() < 2 || samples == 0) {
            out.println("fairness: needs two structures with the DMP");
            return 0;
        }
        var busy = connector.forStructure(withDmp.get(0).finess().value()).dmp();
        var quiet = connector.forStructure(withDmp.get(1).finess().value()).dmp();
        ch.qos.logback.classic.Logger dispatcher = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("fr.duiconnect.core.internal.OutboxDispatcher");
        ch.qos.logback.classic.Level level = dispatcher.getLevel();
        if (!dispatcher.isInfoEnabled()) {
            dispatcher.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        try {
            long accepting = System.nanoTime();
            List<OperationReceipt> queued = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                queued.add(busy.changeVisibility(KitDlu.KIT_PATIENT, "1.2.250.1.999.1." + i, Set.of(Visibility.MASQUE_PS)));
            }
            out.printf(Locale.ROOT, "fairness: %d operations of structure %s accepted in %.1f s%n", backlog, withDmp.get(0).finess(), seconds(accepting));
            long[] latencies = new long[samples];   // one at a time: each waits for its final state
            int unexpected = 0;
            for (int i = 0; i < samples; i++) {
                long began = System.nanoTime();
                OperationReceipt receipt = quiet.changeVisibility(KitDlu.KIT_PATIENT, "1.2.250.1.999.2." + i, Set.of(Visibility.MASQUE_PS));
                unexpected += exchangedAndRefused(connector.operations().awaitFinal(receipt.operationId(), Duration.ofMinutes(10))) ? 0 : 1;
                latencies[i] = System.nanoTime() - began;
            }
            long pending = queued.stream().filter(r -> !connector.operations().status(r.operationId()).state().isFinal()).count();
            java.util.Arrays.sort(latencies);
            out.printf(Locale.ROOT, "fairness: one operation of structure %s while %s has a backlog: p50 %.0f ms, p99 %.0f ms over %d"
                            + " (backlog still pending after them: %d of %d)%n", withDmp.get(1).finess(), withDmp.get(0).finess(),
                    latencies[samples / 2] / 1e6, latencies[Math.min(samples - 1, samples * 99 / 100)] / 1e6, samples, pending, backlog);
            long draining = System.nanoTime();
            for (OperationReceipt r : queued) {
                unexpected += exchangedAndRefused(connector.operations().awaitFinal(r.operationId(), Duration.ofMinutes(10))) ? 0 : 1;
            }
            out.printf(Locale.ROOT, "fairness: backlog drained %.1f s later; %d of %d operations ended otherwise than FAILED %s after one exchange%n",
                    seconds(draining), unexpected, backlog + samples, DmpErrorCode.DOCUMENT_NOT_FOUND.code());
            return unexpected;
        } finally {
            dispatcher.setLevel(level);
        }
    }

    private static boolean exchangedAndRefused(OperationStatus status) {
        return status.state() == OperationState.FAILED && DmpErrorCode.DOCUMENT_NOT_FOUND.code().equals(status.lastErrorCode())
                && status.attempts() == 1;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
