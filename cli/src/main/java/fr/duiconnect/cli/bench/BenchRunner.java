package fr.duiconnect.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one operation N times on T threads after a warm-up, measuring each call, the whole run's throughput, the
 * CPU time spent ({@link CpuTime}) and the peak heap; shows a progress bar on long runs. Figures only: benchmarks never assert timings.
 */
public final class BenchRunner {

    /** One measured operation; {@code index} is unique per call. */
    @FunctionalInterface
    public interface Operation {
        void run(int index) throws Exception;
    }

    private BenchRunner() {
    }

    public static BenchResult run(String scenario, int operations, int threads, int warmup, Operation operation, PrintStream progress)
            throws Exception {
        warmUp(warmup, operation);
        resetPeaks();
        long[] latencies = new long[operations];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // The workers wait, their operations done, until the CPU time is read: a thread that ended would take its CPU
        // time with it, and the callers' share (all of an INSi search's) would be counted as the JVM's own.
        CountDownLatch finished = new CountDownLatch(threads);
        CountDownLatch measured = new CountDownLatch(1);
        CpuTime cpuBefore = CpuTime.now();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        long before = System.nanoTime();
                        try {
                            operation.run(i);
                        } catch (Exception e) {
                            if (errors.incrementAndGet() == 1 && progress != null) {
                                progress.println("\nfirst failed operation: " + e);   // the figures of a failing run are not figures
                            }
                        }
                        latencies[i] = System.nanoTime() - before;
                        done.incrementAndGet();
                    }
                } finally {
                    finished.countDown();
                }
                measured.await();
                return null;
            }));
        }
        pool.shutdown();
        int shown = -1;
        while (!finished.await(200, TimeUnit.MILLISECONDS)) {
            int percent = done.get() * 100 / operations;
            if (progress != null && percent / 5 != shown) {
                shown = percent / 5;
                progress.print("\r[" + "#".repeat(shown) + " ".repeat(20 - shown) + "] " + percent + "%");
            }
        }
        long end = System.nanoTime();
        CpuTime cpu = CpuTime.now().since(cpuBefore);
        measured.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (end - start) / 1e9;
        if (progress != null) {
            progress.print("\r" + " ".repeat(30) + "\r");
        }
        return new BenchResult(scenario, operations, threads, seconds, latencies, peakHeap(), errors.get(), cpu.connectorNanos(),
                cpu.simulatorNanos(), cpu.jvmNanos());
    }

    /**
     * Prepares the scenario's requests and runs its unmeasured operations, leaving it ready for {@code operations}
     * timed ones. Requests that expire ({@link BenchScenario#preparedRequestsExpire}, a VIHF's five minutes) are
     * prepared for the warm-up first, then again for the timed run, so that a long warm-up does not outlive them.
     */
    public static void prepareAndWarmUp(BenchScenario scenario, int operations, int warmup) throws Exception {
        boolean expire = scenario.preparedRequestsExpire();
        scenario.prepare(expire ? warmup : operations + warmup);
        warmUp(warmup, scenario::run);
        if (expire) {
            scenario.prepare(operations);
        }
    }

    /** Unmeasured operations, one after the other (indexes -1, -2, ...). */
    public static void warmUp(int operations, Operation operation) throws Exception {
        for (int i = 0; i < operations; i++) {
            operation.run(-1 - i);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
