package fr.duiconnect.cli.bench;

import fr.duiconnect.core.internal.journal.JournalDatabase;
import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.core.spi.OutboundRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Measures the journal alone: enqueue (accept) and complete (claim + mark delivered) per second, with latency
 * percentiles of the enqueue commit. Run by {@code dui-connect bench journal}; figures, never assertions.
 */
public final class JournalBenchmark {

    /** Results of one run. */
    public record Result(String database, int operations, int threads, double enqueuePerSecond, double completePerSecond,
                         double enqueueP50Millis, double enqueueP99Millis, long peakHeapBytes) {

        public String describe() {
            return String.format("%s: %d operations, %d threads | enqueue %.0f/s (p50 %.2f ms, p99 %.2f ms) | "
                            + "claim+complete %.0f/s | heap used after %.0f MiB", database, operations, threads,
                    enqueuePerSecond, enqueueP50Millis, enqueueP99Millis, completePerSecond, peakHeapBytes / 1048576.0);
        }
    }

    private JournalBenchmark() {
    }

    public static Result run(JournalConfig config, int operations, int threads) throws Exception {
        Clock clock = Clock.systemUTC();
        String kind = "bench.op-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] payload = "x".repeat(2048).getBytes(StandardCharsets.US_ASCII);
        try (JournalDatabase database = JournalDatabase.open(config)) {
            OutboxJournal journal = new OutboxJournal(database);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                long[] latencies = new long[operations];
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    futures.add(pool.submit(() -> {
                        for (int i = first; i < operations; i += threads) {
                            long before = System.nanoTime();
                            journal.accept(new OutboundRequest(kind, "key-" + i, "750000010", "bench", null,
                                    "text/plain", payload, Map.of()), clock.instant());
                            latencies[i] = System.nanoTime() - before;
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
                double enqueueSeconds = (System.nanoTime() - start) / 1e9;

                long completeStart = System.nanoTime();
                futures.clear();
                for (int t = 0; t < threads; t++) {
                    String node = "bench-" + t;
                    futures.add(pool.submit(() -> {
                        while (true) {
                            List<JournaledOperation> claimed = journal.claimDue(node, Set.of(kind), 50, clock.instant(), Duration.ofMinutes(5));
                            if (claimed.isEmpty()) {
                                return null;
                            }
                            for (JournaledOperation operation : claimed) {
                                journal.markDelivered(operation.operationId(), node, DeliveryOutcome.acked("ref"), clock.instant());
                            }
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
                double completeSeconds = (System.nanoTime() - completeStart) / 1e9;
                Arrays.sort(latencies);
                Runtime runtime = Runtime.getRuntime();
                return new Result(config.isPostgres() ? "PostgreSQL" : "H2", operations, threads,
                        operations / enqueueSeconds, operations / completeSeconds,
                        latencies[operations / 2] / 1e6, latencies[Math.min(operations - 1, (int) (operations * 0.99))] / 1e6,
                        runtime.totalMemory() - runtime.freeMemory());
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }
}
