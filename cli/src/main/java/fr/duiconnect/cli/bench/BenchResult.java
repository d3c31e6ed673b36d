package fr.duiconnect.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Figures of one benchmark run: throughput, latency percentiles, CPU time per operation (the connector's JVM apart
 * from the in-process simulators' threads) and peak heap. Printed, never asserted.
 */
public record BenchResult(String scenario, int operations, int threads, double seconds, long[] latenciesNanos,
                          long peakHeapBytes, long errors, long connectorCpuNanos, long simulatorCpuNanos, long jvmCpuNanos) {

    public double throughput() {
        return operations / seconds;
    }

    public double percentileMillis(double percentile) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** CPU time of the connector's JVM per operation, the simulators' threads excluded. */
    public double connectorCpuMillisPerOperation() {
        return connectorCpuNanos / 1e6 / operations;
    }

    /**
     * The part of {@link #connectorCpuMillisPerOperation()} spent by the JVM's own threads (JIT compilers, garbage
     * collectors), which work for the simulators as much as for the connector; the rest is the connector's threads.
     */
    public double jvmCpuMillisPerOperation() {
        return jvmCpuNanos / 1e6 / operations;
    }

    /** CPU time of the connector's (or bare client's) own Java threads per operation: neither simulators nor JIT/GC. */
    public double threadsCpuMillisPerOperation() {
        return Math.max(0, connectorCpuNanos - jvmCpuNanos) / 1e6 / operations;
    }

    /** CPU time of the in-process simulators per operation: what the simulator itself costs for each request. */
    public double simulatorCpuMillisPerOperation() {
        return simulatorCpuNanos / 1e6 / operations;
    }

    /**
     * The simulators' own limit on this machine: all its cores spent on the simulators' work alone; a connector's
     * ratio to its baseline means something only well below it.
     */
    public String simulatorBound() {
        int cores = Runtime.getRuntime().availableProcessors();
        double perOperation = simulatorCpuMillisPerOperation();
        return perOperation <= 0 ? scenario + ": no simulator CPU time measured"
                : String.format(Locale.ROOT, "%s: simulators %.2f CPU ms/op, so at most %.0f ops/s on %d cores for the simulators alone",
                scenario, perOperation, cores * 1000 / perOperation, cores);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s: %d operations on %d thread(s) in %.2f s — %.1f ops/s — latency p50 %.2f ms, "
                        + "p90 %.2f ms, p99 %.2f ms, max %.2f ms — CPU %.2f ms/op (of which JIT/GC %.2f, own threads %.2f; simulators %.2f ms/op) — peak heap %.0f MiB — errors %d",
                scenario, operations, threads, seconds, throughput(), percentileMillis(50), percentileMillis(90),
                percentileMillis(99), percentileMillis(100), connectorCpuMillisPerOperation(), jvmCpuMillisPerOperation(),
                threadsCpuMillisPerOperation(), simulatorCpuMillisPerOperation(),
                peakHeapBytes / 1048576.0, errors);
    }

    /** Written by a client JVM ({@link BenchWorker}) for the process that runs the simulators: the figures and each latency. */
    void writeTo(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" ", scenario, String.valueOf(operations), String.valueOf(threads), String.valueOf(seconds),
                String.valueOf(peakHeapBytes), String.valueOf(errors), String.valueOf(connectorCpuNanos), String.valueOf(jvmCpuNanos)));
        for (long latency : latenciesNanos) {
            lines.add(String.valueOf(latency));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** A client JVM's result, with the simulators' CPU time the simulators' own process measured meanwhile. */
    static BenchResult readFrom(Path file, long simulatorCpuNanos) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] head = lines.get(0).split(" ");
        long[] latencies = lines.stream().skip(1).mapToLong(Long::parseLong).toArray();
        return new BenchResult(head[0], Integer.parseInt(head[1]), Integer.parseInt(head[2]), Double.parseDouble(head[3]), latencies,
                Long.parseLong(head[4]), Long.parseLong(head[5]), Long.parseLong(head[6]), simulatorCpuNanos, Long.parseLong(head[7]));
    }
}
