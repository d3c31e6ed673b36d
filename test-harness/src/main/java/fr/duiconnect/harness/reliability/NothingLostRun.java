package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.harness.eprescription.EPrescriptionSimulator;
import fr.duiconnect.harness.eprescription.PrescriptionStore;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.fhir.SharedConformance;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The nothing-lost run at any size: a mixed workload (MSSanté sends, DMP deposits with some replacements,
 * e-parcours notes, INSi searches and e-prescription imports) done by connector processes ({@link ConnectorProcess})
 * on one journal — H2, or PostgreSQL shared by several processes — while every simulator injects faults of each kind
 * its kit has at random (seeded) on a share of its requests, and processes are killed with SIGKILL at random (seeded)
 * points and restarted, until the workload is done. Then every invariant is checked and printed:
 * nothing lost, nothing duplicated at the DMP (uniqueId) and the platform (note id), MSSanté copies handed over once
 * by the receiving inbox (the at-least-once re-sends counted apart), every operation delivered or FAILED with a
 * reason, every read answered or a typed error with exactly one audit event.
 */
public final class NothingLostRun {

    /**
     * The run's connector settings, printed with its output. Every service gets a short whole-exchange deadline
     * (connect 2 s + read 8 s); the lease is longer than a delivery's two exchanges (the connector refuses one that is
     * not), so that a killed process's claims are resumed in half a minute and no claim runs out under a delivery
     * still at work. Retries are quick (50 ms doubling to 1 s, ten attempts; thirty while an outcome is unknown).
     * The platform honours {@code ifNoneExist} (as its simulator does), so notes are created conditionally on their
     * identifier: a retry racing a first post the platform is still processing cannot create a second note.
     */
    static final Duration CONNECT = Duration.ofSeconds(2);
    static final Duration READ = Duration.ofSeconds(8);
    static final Map<String, String> CONNECTOR_SETTINGS = connectorSettings();
    /** Above the read timeout: the answer comes after the client gave up (the ambiguous case), for every service. */
    private static final Duration LATER_THAN_THE_READ_TIMEOUT = READ.plusSeconds(1);
    /** A process's start (JVM, modules, journal) on a machine shared with other builds. */
    private static final Duration START_WITHIN = Duration.ofMinutes(10);
    private static final Duration SHORT_LATENCY = Duration.ofMillis(300);

    private static Map<String, String> connectorSettings() {
        Map<String, String> settings = new java.util.TreeMap<>();
        for (ServiceSocle service : List.of(ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS, ServiceSocle.DMP, ServiceSocle.INS, ServiceSocle.EPRESCRIPTION)) {
            settings.put("dui." + service.key() + ".timeout.connect", CONNECT.toString());
            settings.put("dui." + service.key() + ".timeout.read", READ.toString());
        }
        settings.put("dui.journal.lease", CONNECT.plus(READ).multipliedBy(2).plusSeconds(5).toString());
        settings.put("dui.retry.initial-backoff", "PT0.05S");
        settings.put("dui.retry.max-backoff", "PT1S");
        settings.put("dui.retry.max-attempts", "10");
        settings.put("dui.eparcours.option.note.conditional-create", "true");
        return java.util.Collections.unmodifiableMap(settings);
    }

    /**
     * The run's settings. {@code journal}: connector properties that put the journal elsewhere than the sandbox's H2
     * file (e.g. a PostgreSQL schema); {@code processes} share the workload (more than one needs such a journal).
     */
    public record Settings(int operations, int kills, double faultRate, long seed, Map<String, String> journal, int processes,
                           Path directory) {

        public Settings {
            if (operations < 20 || kills < 0 || faultRate < 0 || faultRate > 1 || processes < 1) {
                throw new IllegalArgumentException("a run needs 20 operations or more, kills >= 0, a fault rate in [0, 1], a process or more");
            }
            if (processes > 1 && journal.isEmpty()) {
                throw new IllegalArgumentException("several processes need a shared journal (PostgreSQL)");
            }
            journal = new HashMap<>(journal);
        }

        /**
         * The mix of a run of this size, by CPU cost per operation (connector + simulator, idle machine): 40 % MSSanté
         * sends (~70 ms), 10 % e-parcours notes (~600 ms: the note validated against the IGs by the connector, then by
         * the platform), 10 % DMP deposits (~250 ms: the simulated DMP validates each CDA with the ANS kit), 25 % INSi
         * searches (~20 ms) and 15 % e-prescription imports. Every service stays in; the costly ones are not most.
         */
        public MixedWorkload.Mix mix() {
            int deposits = operations / 10;
            int notes = operations / 10;
            int searches = operations / 4;
            int imports = operations * 3 / 20;
            return new MixedWorkload.Mix(operations - deposits - notes - searches - imports, notes, deposits, 25, 10, searches, imports);
        }
    }

    /** The faults each simulator draws from: every kind its kit has for the requests this workload makes. */
    public static Map<ServiceSocle, List<Fault>> faultsPerService() {
        Map<ServiceSocle, List<Fault>> faults = new EnumMap<>(ServiceSocle.class);
        faults.put(ServiceSocle.MSSANTE, List.of(Fault.always(FaultKind.SMTP_421), Fault.always(FaultKind.SMTP_451),
                Fault.always(FaultKind.SMTP_550), Fault.always(FaultKind.CONNECTION_RESET), new Fault(FaultKind.LATENCY, -1, SHORT_LATENCY),
                Fault.always(FaultKind.TLS_FAILURE), Fault.always(FaultKind.IMAP_DISCONNECT)));
        List<Fault> http = List.of(Fault.always(FaultKind.HTTP_500), Fault.always(FaultKind.HTTP_503), Fault.always(FaultKind.CONNECTION_RESET),
                new Fault(FaultKind.LATENCY, -1, SHORT_LATENCY), Fault.always(FaultKind.TLS_FAILURE));
        List<Fault> soap = new ArrayList<>(http);
        soap.add(Fault.always(FaultKind.SOAP_FAULT));
        faults.put(ServiceSocle.EPARCOURS, http);
        faults.put(ServiceSocle.EPRESCRIPTION, http);
        faults.put(ServiceSocle.INS, List.copyOf(soap));
        List<Fault> dmp = new ArrayList<>(soap);
        dmp.set(3, new Fault(FaultKind.LATENCY, -1, LATER_THAN_THE_READ_TIMEOUT));
        faults.put(ServiceSocle.DMP, List.copyOf(dmp));
        return faults;
    }

    /** What a run found; {@link #holds()} when every invariant holds. */
    public record Result(List<String> broken, List<String> lines) {

        public boolean holds() {
            return broken.isEmpty();
        }
    }

    private final Settings settings;
    private final PrintWriter out;
    private final List<String> lines = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();

    private NothingLostRun(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /** Makes the run and prints what it finds as it goes. */
    public static Result run(Settings settings, PrintWriter out) throws IOException, InterruptedException {
        return new NothingLostRun(settings, out).run();
    }

    private Result run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Set<ServiceSocle> services = new LinkedHashSet<>(MixedWorkload.SERVICES);
        services.addAll(MixedWorkload.READS);
        Random random = new Random(settings.seed());
        try (Sandbox sandbox = Sandbox.start(settings.directory().resolve("sandbox"), services, false)) {
            Map<String, String> properties = new HashMap<>(CONNECTOR_SETTINGS);
            properties.putAll(settings.journal());
            Path config = sandbox.propertiesFileWith("nothing-lost.properties", properties);
            MixedWorkload workload = generate(sandbox);
            Path workloadDir = settings.directory().resolve("workload");
            workload.write(workloadDir);
            say(String.format(Locale.ROOT, "nothing-lost: %d operations %s, prepared in %.1f s; journal %s, %d process(es), "
                            + "%d kill(s), faults on %.0f %% of requests, seed %d", workload.operations().size(), settings.mix(),
                    seconds(started), settings.journal().isEmpty() ? "H2" : "PostgreSQL", settings.processes(), settings.kills(),
                    settings.faultRate() * 100, settings.seed()));
            say("nothing-lost: connector settings " + CONNECTOR_SETTINGS + "; LATENCY faults hold an answer " + SHORT_LATENCY.toMillis()
                    + " ms (DMP: " + LATER_THAN_THE_READ_TIMEOUT.toSeconds() + " s, after the read timeout); answers lost after the write "
                    + "(DMP deposit, e-parcours note) with the fault rate each second");

            faultsPerService().forEach((service, kinds) -> sandbox.faults(service).injectAtRandom(kinds, settings.faultRate(), random.nextLong()));
            ScheduledExecutorService answersLost = loseAnswersNowAndThen(sandbox, new Random(random.nextLong()));
            Runs runs = new Runs(config, workloadDir, settings.directory());
            long running = System.nanoTime();
            try {
                runs.startAll();
                int writes = (int) workload.operations().stream().filter(o -> !o.isRead()).count();
                List<Integer> targets = random.ints(settings.kills(), writes * 15 / 100, writes * 85 / 100).sorted().boxed().toList();
                for (int target : targets) {
                    int held = awaitHeld(sandbox, workload, target, runs);
                    int victim = random.nextInt(settings.processes());
                    int exit = runs.kill(victim);
                    say(String.format(Locale.ROOT, "nothing-lost: SIGKILL of process %d at %.1f s, %d operations held (target %d), exit value %d",
                            victim, seconds(running), held, target, exit));
                    if (exit != 137) {
                        broken.add("a kill ended a process with " + exit + ", not SIGKILL's 137");
                    }
                    runs.start(victim);
                }
                runs.awaitAll(Duration.ofMinutes(10).plusMillis(300L * workload.operations().size()));
            } finally {
                answersLost.shutdownNow();
                runs.stopAll();
                services.forEach(s -> sandbox.faults(s).clear());
            }
            say(String.format(Locale.ROOT, "nothing-lost: runs done %.1f s after the start (%s)", seconds(started), runs.describe()));
            check(sandbox, workload, runs, config);
            say(String.format(Locale.ROOT, "nothing-lost: elapsed %.1f s; invariants %s", seconds(started),
                    broken.isEmpty() ? "all hold" : "BROKEN: " + broken));
        }
        return new Result(List.copyOf(broken), List.copyOf(lines));
    }

    private MixedWorkload generate(Sandbox sandbox) {
        List<String> prescriptions = sandbox.simulator(EPrescriptionSimulator.class).store().all().stream()
                .filter(s -> s.number().startsWith("SIM") && !s.withdrawn())
                .map(s -> s.number() + " " + PrescriptionStore.insOf(s.lines().get(0))).sorted().toList();
        Map<String, String> composerOnly = new HashMap<>();
        composerOnly.put("dui.journal.dir", settings.directory().resolve("composer-journal").toString());
        try (DuiConnector composer = DuiConnector.builder().config(sandbox.connectorConfigWith(composerOnly)).dispatching(false).build()) {
            return MixedWorkload.generate(composer, SharedConformance.directory().resolve("conformance/ans-cda-kit"), settings.mix(), prescriptions);
        }
    }

    /**
     * Now and then (every second, with the run's fault rate) the DMP loses the answer of a deposit it registered, and
     * the platform the answer of a note it stored: faults of their own, which only the simulators can make.
     */
    private ScheduledExecutorService loseAnswersNowAndThen(Sandbox sandbox, Random random) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        DmpSimulator dmp = sandbox.simulator(DmpSimulator.class);
        EParcoursSimulator platform = sandbox.simulator(EParcoursSimulator.class);
        ticker.scheduleAtFixedRate(() -> {
            if (random.nextDouble() < settings.faultRate()) {
                dmp.loseDepositAnswers(1);
            }
            if (random.nextDouble() < settings.faultRate()) {
                platform.loseCreationAnswers(1);
            }
        }, 1, 1, TimeUnit.SECONDS);
        return ticker;
    }

    private int awaitHeld(Sandbox sandbox, MixedWorkload workload, int target, Runs runs) throws InterruptedException {
        int held = 0;
        while (runs.anyAlive()) {
            held = 0;
            for (ServiceSocle service : MixedWorkload.SERVICES) {
                held += DeliveryTally.heldCount(sandbox, service, workload);
            }
            if (held >= target) {
                return held;
            }
            Thread.sleep(5000);   // counting reads every simulator's store: not too often
        }
        return held;
    }

    private void check(Sandbox sandbox, MixedWorkload workload, Runs runs, Path config) throws IOException {
        List<Settled> settled = runs.settled();
        long writes = workload.operations().stream().filter(o -> !o.isRead()).count();
        if (settled.size() != writes) {
            broken.add(writes + " operations accepted, " + settled.size() + " settled in the last runs");
        }
        Map<String, Long> settledTwice = settled.stream().collect(Collectors.groupingBy(Settled::key, Collectors.counting()));
        settledTwice.values().removeIf(count -> count == 1);
        if (!settledTwice.isEmpty()) {
            broken.add("settled twice: " + settledTwice.keySet());
        }
        settled.stream().filter(s -> !s.state().isSettled())
                .forEach(s -> broken.add(s.service() + " " + s.key() + " ended " + s.state()));
        for (ServiceSocle service : MixedWorkload.SERVICES) {
            DeliveryTally tally = DeliveryTally.of(sandbox, service, settled, sandbox.faults(service).injectedCount());
            say("nothing-lost: " + tally.report() + ", faults by kind " + new TreeMap<>(sandbox.faults(service).injectedByKind()));
            if (!tally.lost().isEmpty()) {
                broken.add(service + " lost " + tally.lost().size() + ": " + first(tally.lost()));
            }
            if (service != ServiceSocle.MSSANTE && !tally.duplicated().isEmpty()) {
                broken.add(service + " duplicated " + tally.duplicated().size() + ": " + first(tally.duplicated()));
            }
            if (!tally.failedWithoutReason().isEmpty() || !tally.failedButDelivered().isEmpty()) {
                broken.add(service + " failed without a reason " + first(tally.failedWithoutReason()) + " or yet delivered " + first(tally.failedButDelivered()));
            }
            if (service == ServiceSocle.MSSANTE) {
                say("nothing-lost: MSSANTE at-least-once re-sends (copies beyond the first at the operator): " + tally.extraCopies()
                        + " of " + tally.duplicated().size() + " message(s)");
            }
        }
        DmpSimulator dmp = sandbox.simulator(DmpSimulator.class);
        say(String.format(Locale.ROOT, "nothing-lost: DMP %d answers lost after registration, %d duplicate uniqueIds refused then read back; "
                + "e-parcours %d creation answers lost after the note was stored", dmp.lostAnswers(), dmp.duplicateRefusals(),
                sandbox.simulator(EParcoursSimulator.class).lostAnswers()));
        Map<String, String> failures = settled.stream().filter(Settled::failed).collect(Collectors.groupingBy(
                s -> s.service() + " " + s.reason().split(" ")[0], TreeMap::new, Collectors.counting()))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString(), (a, b) -> a, TreeMap::new));
        say("nothing-lost: FAILED with a reason, by service and code: " + failures);
        checkReads(sandbox, workload, runs.reads(), config);
        checkInbox(sandbox, settled);
    }

    /** Every read has one outcome, an answer or a typed error, and one audit event (an import cut by a kill: at most one more). */
    private void checkReads(Sandbox sandbox, MixedWorkload workload, List<ReadOutcome> reads, Path config) {
        Map<String, List<ReadOutcome>> byKey = reads.stream().collect(Collectors.groupingBy(ReadOutcome::key));
        List<AuditEvent> audit;
        try (DuiConnector reader = DuiConnector.builder().config(ConnectorProperties.load(config)).dispatching(false).nodeName("audit-reader").build()) {
            audit = reader.audit().query(AuditQuery.all());
        }
        Map<String, Long> searchEvents = audit.stream().filter(e -> "ins.search".equals(e.action()) && e.person() != null)
                .collect(Collectors.groupingBy(AuditEvent::person, Collectors.counting()));
        long importEvents = audit.stream().filter(e -> "eprescription.import".equals(e.action())).count();
        for (ServiceSocle service : MixedWorkload.READS) {
            List<MixedWorkload.Operation> own = workload.of(service);
            List<String> lost = own.stream().map(MixedWorkload.Operation::key).filter(k -> !byKey.containsKey(k)).toList();
            List<String> twice = own.stream().map(MixedWorkload.Operation::key).filter(k -> byKey.getOrDefault(k, List.of()).size() > 1).toList();
            List<ReadOutcome> outcomes = own.stream().flatMap(o -> byKey.getOrDefault(o.key(), List.of()).stream()).toList();
            List<ReadOutcome> untyped = outcomes.stream().filter(r -> !r.answered()).toList();
            Map<String, Long> kinds = outcomes.stream().collect(Collectors.groupingBy(r -> r.outcome().split(" ")[0] + " "
                    + (r.outcome().split(" ").length > 1 ? r.outcome().split(" ")[1] : ""), TreeMap::new, Collectors.counting()));
            String auditCheck;
            if (service == ServiceSocle.INS) {
                List<String> notOnce = own.stream().map(MixedWorkload.Operation::key).filter(k -> searchEvents.getOrDefault(k, 0L) != 1).toList();
                auditCheck = (own.size() - notOnce.size()) + " with exactly one audit event";
                if (!notOnce.isEmpty()) {
                    broken.add("INS searches without exactly one audit event: " + notOnce.size() + ", e.g. " + first(notOnce)
                            + " (" + searchEvents.getOrDefault(notOnce.get(0), 0L) + ")");
                }
            } else {
                auditCheck = importEvents + " audit events (one per import; at most one more per kill and accepting thread, for an import cut by it)";
                if (importEvents < own.size() || importEvents > own.size() + (long) settings.kills() * ConnectorProcess.ACCEPTING_THREADS) {
                    broken.add("e-prescription imports: " + importEvents + " audit events for " + own.size() + " imports");
                }
            }
            say(String.format(Locale.ROOT, "nothing-lost: %-13s reads %d, faults injected %d, outcomes %s, lost %d, done twice %d, "
                            + "untyped errors %d; %s; faults by kind %s", service, own.size(), sandbox.faults(service).injectedCount(), kinds,
                    lost.size(), twice.size(), untyped.size(), auditCheck, new TreeMap<>(sandbox.faults(service).injectedByKind())));
            if (!lost.isEmpty() || !twice.isEmpty() || !untyped.isEmpty()) {
                broken.add(service + " reads lost " + first(lost) + ", done twice " + first(twice) + ", untyped " + first(untyped));
            }
        }
    }

    /** The copies an SMTP resend leaves at the operator reach the recipient's DUI once: its inbox hands each Message-ID over once. */
    private void checkInbox(Sandbox sandbox, List<Settled> settled) throws IOException {
        List<String> handedOver = RecipientInbox.readAll(sandbox, settings.directory().resolve("recipient"));
        Set<String> sent = settled.stream().filter(s -> s.service() == ServiceSocle.MSSANTE && !s.failed()).map(Settled::key)
                .collect(Collectors.toSet());
        Map<String, Long> times = handedOver.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long twice = times.values().stream().filter(n -> n > 1).count();
        long missing = sent.stream().filter(id -> !times.containsKey(id)).count();
        say("nothing-lost: MSSANTE recipient's inbox handed over " + handedOver.size() + " messages, " + times.size() + " distinct, "
                + twice + " handed over twice, " + missing + " sent but not handed over");
        if (twice > 0 || missing > 0) {
            broken.add("the recipient's inbox handed " + twice + " message(s) over twice and missed " + missing);
        }
    }

    private static String first(List<?> items) {
        return items.isEmpty() ? "[]" : items.subList(0, Math.min(3, items.size())).toString();
    }

    private void say(String line) {
        lines.add(line);
        out.println(line);
        out.flush();
    }

    private static double seconds(long from) {
        return (System.nanoTime() - from) / 1e9;
    }

    /** The connector processes of a run: one slot per share of the workload, each restarted after a kill. */
    private final class Runs {
        private final Path config;
        private final Path workloadDir;
        private final Path logs;
        private final Process[] current = new Process[settings.processes()];
        private final Path[] currentLog = new Path[settings.processes()];
        private final List<Path> killedLogs = new ArrayList<>();
        private final Path doneReads;
        private final Path accepted;
        private final java.util.concurrent.atomic.AtomicInteger launched = new java.util.concurrent.atomic.AtomicInteger();

        Runs(Path config, Path workloadDir, Path logs) throws IOException {
            this.config = config;
            this.workloadDir = workloadDir;
            this.logs = logs;
            this.doneReads = Files.writeString(logs.resolve("reads-done.txt"), "");
            this.accepted = Files.writeString(logs.resolve("accepted.txt"), "");
        }

        /**
         * Starts every share's process at once. One after the other, the second started while the first was already
         * at full work, on a loaded machine: under the old sequential start its JVM and modules did not come up within
         * the start window (the "p1-run2 did not start" of the PostgreSQL run, whose log was still empty).
         */
        void startAll() throws IOException, InterruptedException {
            java.util.concurrent.ExecutorService starting = Executors.newFixedThreadPool(settings.processes());
            try {
                List<java.util.concurrent.Future<Void>> starts = new ArrayList<>();
                for (int p = 0; p < settings.processes(); p++) {
                    int share = p;
                    starts.add(starting.submit(() -> {
                        start(share);
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<Void> start : starts) {
                    try {
                        start.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof Error error) {
                            throw error;   // the AssertionError of a process that did not start
                        }
                        throw new IOException(e.getCause());
                    }
                }
            } finally {
                starting.shutdown();
            }
        }

        void start(int share) throws IOException, InterruptedException {
            String node = "p" + share + "-run" + launched.incrementAndGet();
            currentLog[share] = logs.resolve(node + ".log");
            current[share] = ConnectorProcess.launch(config, node, currentLog[share], START_WITHIN, workloadDir.toString(),
                    share + "/" + settings.processes(), doneReads.toString(), accepted.toString());
        }

        /** SIGKILLs the share's process; the reads it said it did are not done again, what it accepted not accepted again. */
        int kill(int share) throws IOException, InterruptedException {
            Process process = current[share];
            process.destroyForcibly();
            int exit = process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
            killedLogs.add(currentLog[share]);
            String done = reads().stream().map(ReadOutcome::key).collect(Collectors.joining("\n"));
            Files.writeString(doneReads, done + "\n", StandardCharsets.UTF_8);
            List<Path> every = new ArrayList<>(killedLogs);
            every.addAll(java.util.Arrays.stream(currentLog).filter(java.util.Objects::nonNull).toList());
            Accepted.write(accepted, Accepted.of(every));
            return exit;
        }

        boolean anyAlive() {
            for (Process process : current) {
                if (process.isAlive()) {
                    return true;
                }
            }
            return false;
        }

        void awaitAll(Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            for (Process process : current) {
                process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }

        void stopAll() {
            for (Process process : current) {
                if (process != null && process.isAlive()) {
                    process.destroyForcibly();
                }
            }
        }

        List<Settled> settled() throws IOException {
            List<Settled> all = new ArrayList<>();
            for (Path log : currentLog) {
                all.addAll(lines(log).stream().filter(Settled::isLine).map(Settled::parse).toList());
            }
            return all;
        }

        List<ReadOutcome> reads() throws IOException {
            List<ReadOutcome> all = new ArrayList<>();
            List<Path> every = new ArrayList<>(killedLogs);
            for (Path log : currentLog) {
                if (log != null && !every.contains(log)) {
                    every.add(log);
                }
            }
            for (Path log : every) {
                all.addAll(lines(log).stream().filter(ReadOutcome::isLine).map(ReadOutcome::parse).toList());
            }
            return all;
        }

        String describe() throws IOException {
            List<String> ends = new ArrayList<>();
            for (Path log : currentLog) {
                ends.add(log.getFileName() + (lines(log).contains("DONE") ? " DONE" : " NOT DONE"));
            }
            return launched.get() + " process runs, " + killedLogs.size() + " killed; last runs " + ends;
        }

        private List<String> lines(Path log) throws IOException {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        }
    }
}
