package fr.duiconnect.cli;

import fr.duiconnect.cli.bench.BenchDirectory;
import fr.duiconnect.cli.bench.BenchResult;
import fr.duiconnect.cli.bench.BenchRunner;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.cli.bench.ClientJvm;
import fr.duiconnect.cli.bench.JournalBenchmark;
import fr.duiconnect.cli.bench.PostgresJournal;
import fr.duiconnect.cli.bench.SeveralProcesses;
import fr.duiconnect.cli.bench.StartupCosts;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.harness.sandbox.Sandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code dui-connect bench <scenario>}: throughput, latency percentiles, CPU time per operation and heap, printed
 * (never asserted); {@code --compare} a baseline, {@code --processes} several connector processes on one PostgreSQL
 * journal, {@code startup} the modules' start-up costs, {@code multi-structure} many structures in one connector.
 */
@Command(name = "bench", description = "Benchmarks against the embedded sandbox: journal, startup, multi-structure, or a named scenario (see --list).",
        subcommands = {BenchCommand.Journal.class, BenchCommand.Startup.class, MultiStructureBenchCommand.class, NothingLostCommand.class})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "Scenario name (dlu-deposit, mssante-send, ins-search, ...).")
    String scenario;

    @Option(names = "--n", defaultValue = "200", description = "Measured operations (default: ${DEFAULT-VALUE}).")
    int operations;

    @Option(names = "--residents", description = "dlu-refresh: the residents to refresh (instead of --n).")
    Integer residents;

    @Option(names = "--threads", defaultValue = "1", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--warmup", defaultValue = "20", description = "Unmeasured operations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--list", description = "List the scenarios.")
    boolean list;

    @Option(names = "--compare", paramLabel = "SCENARIO", description = "Also run this scenario in the same sandbox and print the ratios (e.g. dlu-deposit --compare dlu-deposit-bare).")
    String compare;

    @Option(names = "--pg-url", description = "Journal on this PostgreSQL server (jdbc:postgresql://...), a schema per run; default: $DUI_TEST_PG_URL with --processes.")
    String postgresUrl;

    @Option(names = "--pg-user", description = "PostgreSQL user (default: $DUI_TEST_PG_USER, else dui); password from $DUI_TEST_PG_PASSWORD.")
    String postgresUser;

    @Option(names = "--processes", defaultValue = "0", description = "Share the operations between this many connector processes on one PostgreSQL journal, after a run with one, and print the ratio.")
    int processes;

    @Option(names = "--client-jvm", description = "Run the connector (and the --compare baseline) in a JVM of its own, the simulators in this one: "
            + "each side's CPU time, garbage collection and JIT its own.")
    boolean clientJvm;

    @Option(names = "--keep", description = "Keep the bench's files (journals, client logs) instead of removing them at the end.")
    boolean keep;

    private SimpleMeterRegistry meters;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, BenchScenario> scenarios = new TreeMap<>();
        ServiceLoader.load(BenchScenario.class).forEach(s -> scenarios.put(s.name(), s));
        if (list || scenario == null) {
            out.println("journal: the journal alone, H2 and PostgreSQL (dui-connect bench journal)");
            out.println("startup: each module's start-up cost, process wall time to ready (dui-connect bench startup)");
            scenarios.values().forEach(s -> out.println(s.name() + ": " + s.description()));
            return scenario == null && !list ? 2 : 0;
        }
        BenchScenario chosen = scenarios.get(scenario);
        BenchScenario other = compare == null ? null : scenarios.get(compare);
        if (chosen == null || (compare != null && other == null)) {
            err.println("no scenario " + (chosen == null ? scenario : compare) + "; known: journal, startup, " + String.join(", ", scenarios.keySet()));
            return 2;
        }
        int count = residents != null ? residents : operations;
        PostgresJournal postgres = PostgresJournal.of(postgresUrl, postgresUser);
        if (processes > 0 && (postgres == null || compare != null || clientJvm)) {
            err.println("--processes needs a PostgreSQL journal (--pg-url or $DUI_TEST_PG_URL), and no --compare or --client-jvm"
                    + " (each process is a client JVM already)");
            return 2;
        }
        Set<ServiceSocle> services = EnumSet.copyOf(chosen.services());
        if (other != null) {
            services.addAll(other.services());
        }
        meters = new SimpleMeterRegistry();
        try (BenchDirectory directory = BenchDirectory.create("dui-bench-", keep, out);
             Sandbox sandbox = Sandbox.start(directory.path(), services, false)) {
            Map<String, String> properties = new java.util.HashMap<>(chosen.connectorProperties());
            if (processes > 0) {
                return SeveralProcesses.run(out, sandbox, chosen.name(), count, threads, warmup, processes, postgres, properties)
                        ? 0 : DuiConnectCommand.EXIT_SERVICE;
            }
            if (clientJvm) {
                return inClientJvms(out, sandbox, chosen, other, count, postgres);
            }
            if (postgresUrl != null) {
                properties.putAll(postgres.newSchema());
            }
            ConnectorConfig config = properties.isEmpty() ? sandbox.connectorConfig() : sandbox.connectorConfigWith(properties);
            try (DuiConnector connector = DuiConnector.builder().config(config).meterRegistry(meters).sharedResources(sandbox.sharedResources()).build()) {
                if (other == null) {
                    BenchResult result = runScenario(chosen, count, connector, sandbox);
                    report(out, chosen, result);
                    printDeliveryMeters(out);
                    return result.errors() == 0 ? 0 : DuiConnectCommand.EXIT_SERVICE;
                }
                return compare(out, chosen, other, count, connector, sandbox);
            }
        }
    }

    private static void report(PrintWriter out, BenchScenario scenario, BenchResult result) {
        report(out, result, scenario.notes(result));
    }

    private static void report(PrintWriter out, BenchResult result, String notes) {
        out.println(result.describe());
        out.println(result.simulatorBound());
        if (!notes.isEmpty()) {
            out.println(notes);
        }
        out.flush();
    }

    /**
     * {@code --client-jvm}: each scenario in a client JVM of its own, one after the other, against this process's
     * simulators; the second client meets simulators the first one warmed up, and warms itself up as the first did.
     */
    private int inClientJvms(PrintWriter out, Sandbox sandbox, BenchScenario chosen, BenchScenario other, int count, PostgresJournal postgres)
            throws Exception {
        BenchResult result = inClientJvm(out, sandbox, chosen, count, postgres);
        if (other == null) {
            return result.errors() == 0 ? 0 : DuiConnectCommand.EXIT_SERVICE;
        }
        BenchResult baseline = inClientJvm(out, sandbox, other, count, postgres);
        printRatios(out, result, baseline);
        return result.errors() == 0 && baseline.errors() == 0 ? 0 : DuiConnectCommand.EXIT_SERVICE;
    }

    /** One scenario in a client JVM, reported with its own notes and the simulators' (read here, where they run). */
    private BenchResult inClientJvm(PrintWriter out, Sandbox sandbox, BenchScenario scenario, int count, PostgresJournal postgres)
            throws Exception {
        ClientJvm.Measured measured = ClientJvm.run(sandbox, scenario.name(), count, threads, warmup, clientProperties(scenario, postgres));
        report(out, measured.result(), String.join("\n", nonEmpty(measured.notes(), scenario.simulatorNotes(sandbox))));
        return measured.result();
    }

    private static List<String> nonEmpty(String... notes) {
        return java.util.Arrays.stream(notes).filter(note -> !note.isBlank()).toList();
    }

    private Map<String, String> clientProperties(BenchScenario scenario, PostgresJournal postgres) throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(scenario.connectorProperties());
        if (postgresUrl != null) {
            properties.putAll(postgres.newSchema());
        }
        return properties;
    }

    private static void printRatios(PrintWriter out, BenchResult result, BenchResult baseline) {
        out.println(String.format(Locale.ROOT,
                "ratio %s / %s: %.2f (throughput), %.2f (p50 latency), %.2f (p99 latency), %.2f (CPU ms/op), %.2f (own threads' CPU ms/op)",
                result.scenario(), baseline.scenario(), result.throughput() / baseline.throughput(),
                result.percentileMillis(50) / baseline.percentileMillis(50), result.percentileMillis(99) / baseline.percentileMillis(99),
                result.connectorCpuMillisPerOperation() / baseline.connectorCpuMillisPerOperation(),
                result.threadsCpuMillisPerOperation() / baseline.threadsCpuMillisPerOperation()));
    }

    /** The connector's own view of the run, from its Micrometer meters: deliveries and their latency per kind. */
    private void printDeliveryMeters(PrintWriter out) {
        meters.find("dui.delivery.latency").timers().forEach(timer -> out.println(String.format(Locale.ROOT,
                "meters %s: %d delivered, latency from acceptance mean %.1f ms, max %.1f ms", timer.getId().getTag("kind"),
                timer.count(), timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS))));
    }

    /**
     * Both scenarios warmed up before either is measured: they share the simulator (whose validation kit the JIT
     * compiles for minutes on this machine) and much of the module's code, so the one measured first in a cold JVM
     * would otherwise pay that compilation, in CPU and in latency, and the ratio would measure the order.
     */
    private int compare(PrintWriter out, BenchScenario chosen, BenchScenario other, int count, DuiConnector connector, Sandbox sandbox)
            throws Exception {
        try {
            chosen.setUp(connector, sandbox);
            BenchRunner.prepareAndWarmUp(chosen, count, warmup);
            other.setUp(connector, sandbox);
            other.prepare(warmup);
            BenchRunner.warmUp(warmup, other::run);
            BenchResult result = BenchRunner.run(chosen.name(), count, threads, 0, chosen::run, System.err);
            report(out, chosen, result);
            printDeliveryMeters(out);
            other.prepare(count);   // built now, not before the other's run: what is pre-built (a VIHF) ages
            BenchResult baseline = BenchRunner.run(other.name(), count, threads, 0, other::run, System.err);
            report(out, other, baseline);
            printRatios(out, result, baseline);
            return result.errors() == 0 && baseline.errors() == 0 ? 0 : DuiConnectCommand.EXIT_SERVICE;
        } finally {
            for (BenchScenario scenario : List.of(chosen, other)) {
                if (scenario instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        }
    }

    private BenchResult runScenario(BenchScenario scenario, int count, DuiConnector connector, Sandbox sandbox) throws Exception {
        scenario.setUp(connector, sandbox);
        try {
            BenchRunner.prepareAndWarmUp(scenario, count, warmup);
            return BenchRunner.run(scenario.name(), count, threads, 0, scenario::run, System.err);
        } finally {
            if (scenario instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    @Command(name = "startup", description = "Start-up cost of each module: wall time from launching a connector JVM to ready, "
            + "core only then one module more at a time (median of --runs).")
    static final class Startup implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--runs", defaultValue = "5", description = "Runs per configuration (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--keep", description = "Keep the bench's files instead of removing them at the end.")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (BenchDirectory directory = BenchDirectory.create("dui-bench-startup-", keep, out)) {
                StartupCosts.run(out, directory.path(), runs);
            }
            return 0;
        }
    }

    @Command(name = "journal", description = "Journal alone: enqueue, then claim + complete, per second (H2, and PostgreSQL with --pg-url).")
    static final class Journal implements Callable<Integer> {

        @Option(names = "--n", defaultValue = "5000", description = "Operations (default: ${DEFAULT-VALUE}).")
        int operations;

        @Option(names = "--threads", defaultValue = "4", description = "Threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--pg-url", description = "Also run on this PostgreSQL journal (jdbc:postgresql://...); default: $DUI_TEST_PG_URL if set.")
        String postgresUrl;

        @Option(names = "--pg-user", description = "PostgreSQL user (default: $DUI_TEST_PG_USER).")
        String postgresUser;

        @Option(names = "--keep", description = "Keep the H2 journal instead of removing it at the end.")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            try (BenchDirectory directory = BenchDirectory.create("dui-bench-journal-", keep, new PrintWriter(System.out, true))) {
                System.out.println(JournalBenchmark.run(JournalConfig.h2(directory.path()), operations, threads).describe());
            }
            String url = postgresUrl != null ? postgresUrl : System.getenv("DUI_TEST_PG_URL");
            if (url != null) {
                String user = postgresUser != null ? postgresUser : System.getenv().getOrDefault("DUI_TEST_PG_USER", "dui");
                String password = System.getenv("DUI_TEST_PG_PASSWORD");
                JournalConfig postgres = JournalConfig.postgres(url, user, password == null ? null : Secret.of(password));
                System.out.println(JournalBenchmark.run(postgres, operations, threads).describe());
            } else {
                System.out.println("PostgreSQL: skipped (give --pg-url or set DUI_TEST_PG_URL)");
            }
            return 0;
        }
    }
}
