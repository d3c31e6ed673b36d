package fr.duiconnect.cli.bench;

import java.util.Arrays;
import java.util.Locale;

/** Figures of one benchmark run: throughput, latency percentiles and peak heap. Printed, never asserted. */
public record BenchResult(String scenario, int operations, int threads, double seconds, long[] latenciesNanos,
                          long peakHeapBytes, long errors) {

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

    public String describe() {
        return String.format(Locale.ROOT, "%s: %d operations on %d thread(s) in %.2f s — %.1f ops/s — latency p50 %.2f ms, "
                        + "p90 %.2f ms, p99 %.2f ms, max %.2f ms — peak heap %.0f MiB — errors %d",
                scenario, operations, threads, seconds, throughput(), percentileMillis(50), percentileMillis(90),
                percentileMillis(99), percentileMillis(100), peakHeapBytes / 1048576.0, errors);
    }
}
