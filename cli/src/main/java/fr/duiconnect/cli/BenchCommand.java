package fr.duiconnect.cli;

import fr.duiconnect.cli.bench.JournalBenchmark;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.config.Secret;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code dui-connect bench <scenario>}: throughput, latency percentiles and heap, printed (never asserted). */
@Command(name = "bench", description = "Benchmarks against the embedded sandbox: journal, or a named scenario (see --list).",
        subcommands = {BenchCommand.Journal.class, MultiStructureBenchCommand.class})
final class BenchCommand implements Callable<Integer> {

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "Scenario name (dlu-deposit, mssante-send, ins-search, ...).")
    String scenario;

    @Option(names = "--n", defaultValue = "200", description = "Measured operations (default: ${DEFAULT-VALUE}).")
    int operations;

    @Option(names = "--threads", defaultValue = "1", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--warmup", defaultValue = "20", description = "Unmeasured operations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--list", description = "List the scenarios.")
    boolean list;

    @Option(names = "--compare", paramLabel = "SCENARIO", description = "Also run this scenario in the same sandbox and print the throughput ratio (e.g. mssante-send --compare mssante-send-bare).")
    String compare;

    private SimpleMeterRegistry meters;

    @Override
    public Integer call() throws Exception {
        java.util.Map<String, fr.duiconnect.cli.bench.BenchScenario> scenarios = new java.util.TreeMap<>();
        java.util.ServiceLoader.load(fr.duiconnect.cli.bench.BenchScenario.class).forEach(s -> scenarios.put(s.name(), s));
        if (list || scenario == null) {
            System.out.println("journal: the journal alone, H2 and PostgreSQL (dui-connect bench journal)");
            scenarios.values().forEach(s -> System.out.println(s.name() + ": " + s.description()));
            return scenario == null && !list ? 2 : 0;
        }
        fr.duiconnect.cli.bench.BenchScenario chosen = scenarios.get(scenario);
        if (chosen == null) {
            System.err.println("no scenario " + scenario + "; known: journal, " + String.join(", ", scenarios.keySet()));
            return 2;
        }
        Path directory = Files.createTempDirectory("dui-bench-");
        meters = new SimpleMeterRegistry();
        try (fr.duiconnect.harness.sandbox.Sandbox sandbox = fr.duiconnect.harness.sandbox.Sandbox.start(directory, chosen.services(), false);
             fr.duiconnect.core.DuiConnector connector = fr.duiconnect.core.DuiConnector.builder().config(sandbox.connectorConfig())
                     .meterRegistry(meters).build()) {
            fr.duiconnect.cli.bench.BenchResult result = runScenario(chosen, connector, sandbox);
            System.out.println(result.describe());
            if (!chosen.notes().isEmpty()) {
                System.out.println(chosen.notes());
            }
            printDeliveryMeters();
            if (compare == null) {
                return result.errors() == 0 ? 0 : DuiConnectCommand.EXIT_SERVICE;
            }
            fr.duiconnect.cli.bench.BenchScenario other = scenarios.get(compare);
            if (other == null) {
                System.err.println("no scenario " + compare);
                return 2;
            }
            fr.duiconnect.cli.bench.BenchResult baseline = runScenario(other, connector, sandbox);
            System.out.println(baseline.describe());
            System.out.println(String.format(java.util.Locale.ROOT, "ratio %s / %s: %.2f (throughput), %.2f (p50 latency)",
                    chosen.name(), other.name(), result.throughput() / baseline.throughput(),
                    result.percentileMillis(50) / baseline.percentileMillis(50)));
            return result.errors() == 0 && baseline.errors() == 0 ? 0 : DuiConnectCommand.EXIT_SERVICE;
        }
    }

    /** The connector's own view of the run, from its Micrometer meters: deliveries and their latency per kind. */
    private void printDeliveryMeters() {
        meters.find("dui.delivery.latency").timers().forEach(timer -> System.out.println(String.format(java.util.Locale.ROOT,
                "meters %s: %d delivered, latency from acceptance mean %.1f ms, max %.1f ms", timer.getId().getTag("kind"),
                timer.count(), timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS))));
    }

    private fr.duiconnect.cli.bench.BenchResult runScenario(fr.duiconnect.cli.bench.BenchScenario scenario,
            fr.duiconnect.core.DuiConnector connector, fr.duiconnect.harness.sandbox.Sandbox sandbox) throws Exception {
        scenario.setUp(connector, sandbox);
        try {
            return fr.duiconnect.cli.bench.BenchRunner.run(scenario.name(), operations, threads, warmup, scenario::run, System.err);
        } finally {
            if (scenario instanceof AutoCloseable closeable) {
                closeable.close();
            }
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

        @Override
        public Integer call() throws Exception {
            Path directory = Files.createTempDirectory("dui-bench-journal-");
            System.out.println(JournalBenchmark.run(JournalConfig.h2(directory), operations, threads).describe());
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
