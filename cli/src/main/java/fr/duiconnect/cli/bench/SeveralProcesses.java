package fr.duiconnect.cli.bench;

import fr.duiconnect.harness.sandbox.Sandbox;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench <scenario> --pg-url URL --processes P}: the scenario's operations shared by P connector processes
 * (each its own JVM, launched with the cli's java command) on one PostgreSQL journal, against this process's
 * sandbox; first with one process, then with P, each on a fresh schema; prints both rows and the ratio. The timing
 * starts when every process is ready (started, prepared, warmed up) and ends when the last one is done.
 */
public final class SeveralProcesses {

    private static final Duration READY_WAIT = Duration.ofMinutes(10);
    private static final Duration RUN_WAIT = Duration.ofHours(2);

    private SeveralProcesses() {
    }

    /** True when no operation failed. */
    public static boolean run(PrintWriter out, Sandbox sandbox, String scenario, int operations, int threads, int warmup, int processes,
                              PostgresJournal postgres, Map<String, String> properties) throws Exception {
        Row one = run(sandbox, scenario, operations, threads, warmup, 1, postgres, properties);
        out.println(one.describe(scenario));
        if (processes == 1) {
            return one.errors == 0;
        }
        Row several = run(sandbox, scenario, operations, threads, warmup, processes, postgres, properties);
        out.println(several.describe(scenario));
        out.println(String.format(Locale.ROOT, "ratio %d processes / 1 process: %.2f (throughput), %.2f (CPU ms/op); %d cores here",
                processes, several.throughput() / one.throughput(), several.cpuMillisPerOperation() / one.cpuMillisPerOperation(),
                Runtime.getRuntime().availableProcessors()));
        return one.errors == 0 && several.errors == 0;
    }

    private record Row(int processes, int operations, int threads, double seconds, long errors, long cpuNanos, List<String> lines) {

        double throughput() {
            return operations / seconds;
        }

        double cpuMillisPerOperation() {
            return cpuNanos / 1e6 / operations;
        }

        String describe(String scenario) {
            return String.format(Locale.ROOT, "%s × %d process(es) on one PostgreSQL journal: %d operations on %d thread(s) each in %.2f s — "
                            + "%.1f ops/s — connector CPU %.2f ms/op (all processes) — errors %d%n  %s",
                    scenario, processes, operations, threads, seconds, throughput(), cpuMillisPerOperation(), errors, String.join("\n  ", lines));
        }
    }

    private static Row run(Sandbox sandbox, String scenario, int operations, int threads, int warmup, int processes,
                           PostgresJournal postgres, Map<String, String> properties) throws Exception {
        Map<String, String> own = new HashMap<>(properties);
        own.putAll(postgres.newSchema());   // a fresh journal per run
        Path config = sandbox.propertiesFileWith("bench-" + processes + "-processes.properties", own);
        List<ChildJvm> children = new ArrayList<>();
        try {
            int share = operations / processes;
            for (int i = 0; i < processes; i++) {
                String node = "bench-" + processes + "-" + i;
                children.add(ChildJvm.start(sandbox.directory().resolve(node + ".log"), BenchWorker.class, config.toString(), node, scenario,
                        String.valueOf(share), String.valueOf(threads), String.valueOf(warmup), String.valueOf(i)));
            }
            for (ChildJvm child : children) {
                child.awaitLine("READY", READY_WAIT);
            }
            long start = System.nanoTime();
            for (ChildJvm child : children) {
                child.tell("GO");
            }
            long errors = 0;
            long cpu = 0;
            List<String> lines = new ArrayList<>();
            for (ChildJvm child : children) {
                String[] result = child.awaitLine("RESULT", RUN_WAIT).split(" ");
                errors += Long.parseLong(result[2]);
                cpu += Long.parseLong(result[3]);
                lines.add("process: p50 " + result[4] + " ms, p99 " + result[5] + " ms; " + child.awaitLine("NOTES", Duration.ofSeconds(10)).substring(6));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Row(processes, share * processes, threads, seconds, errors, cpu, lines);
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
    }
}
