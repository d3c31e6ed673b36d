package fr.duiconnect.cli.bench;

import fr.duiconnect.harness.sandbox.SimulatorSockets;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this JVM, split between the simulators' threads and everything else (the connector, or a bare client,
 * and the benchmark's own callers). The sandbox runs in the same JVM as the connector, so the process's CPU time
 * alone would charge the simulators' work (TLS, parsing, validation) to the connector.
 */
record CpuTime(long processNanos, long simulatorNanos) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static CpuTime now() {
        long process = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        long simulators = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && SimulatorSockets.isSimulatorThread(info.getThreadName())) {
                simulators += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return new CpuTime(process, simulators);
    }

    /** The CPU time spent since {@code before}; a simulator thread that ended in between takes its time with it. */
    CpuTime since(CpuTime before) {
        return new CpuTime(processNanos - before.processNanos, Math.max(0, simulatorNanos - before.simulatorNanos));
    }

    long connectorNanos() {
        return Math.max(0, processNanos - simulatorNanos);
    }
}
