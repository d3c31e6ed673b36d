package fr.duiconnect.cli.bench;

import fr.duiconnect.harness.sandbox.SimulatorSockets;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM, split between the simulators' threads and everything else (the connector, or a bare client,
 * and the benchmark's own callers). The sandbox runs in the same JVM as the connector, so the process's CPU time
 * alone would charge the simulators' work (TLS, parsing, validation) to the connector.
 *
 * <p>Of the non-simulator time, the part no Java thread spent is the JVM's own (JIT compilers, garbage collectors):
 * it is printed apart because it is shared — the JIT compiles the simulators' validation kit as much as the connector,
 * and the collectors reclaim both sides' garbage — so a scenario measured first in a cold JVM would otherwise be
 * charged the compilation of what both scenarios share.
 */
record CpuTime(long processNanos, long simulatorNanos, Map<Long, Long> javaThreadNanos) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static CpuTime now() {
        long process = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        long simulators = 0;
        Map<Long, Long> java = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            java.put(info.getThreadId(), nanos);
            if (SimulatorSockets.isSimulatorThread(info.getThreadName())) {
                simulators += nanos;
            }
        }
        return new CpuTime(process, simulators, java);
    }

    /** The CPU time spent since {@code before}; a thread that ended in between takes its time with it (into the JVM's share). */
    CpuTime since(CpuTime before) {
        Map<Long, Long> java = new HashMap<>();
        javaThreadNanos.forEach((id, nanos) -> java.put(id, Math.max(0, nanos - before.javaThreadNanos.getOrDefault(id, 0L))));
        return new CpuTime(processNanos - before.processNanos, Math.max(0, simulatorNanos - before.simulatorNanos), java);
    }

    long connectorNanos() {
        return Math.max(0, processNanos - simulatorNanos);
    }

    /** The part of {@link #connectorNanos()} no live Java thread spent: JIT compilation, garbage collection, the VM's own threads. */
    long jvmNanos() {
        long java = javaThreadNanos.values().stream().mapToLong(Long::longValue).sum();
        return Math.max(0, processNanos - java);
    }
}
