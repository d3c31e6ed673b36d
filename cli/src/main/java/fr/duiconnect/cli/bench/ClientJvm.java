package fr.duiconnect.cli.bench;

import fr.duiconnect.harness.sandbox.Sandbox;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bench <scenario> --client-jvm}: the measured side (the connector, or a bare client) in a JVM of its own,
 * against the simulators of this process. In one JVM the simulators' garbage (the DMP simulator's schematron
 * validation allocates some thirty times what the connector does per deposit) is collected by the connector's GC
 * threads and pauses its threads, and the JIT compiles both sides; here each side's CPU, GC and JIT are its own: the
 * client's CPU time is its process's, the simulators' is this process's during the client's timed run.
 */
public final class ClientJvm {

    /** Long: a warm-up runs one operation at a time, and thousands of deposits validated by the kit take many minutes. */
    private static final Duration READY_WAIT = Duration.ofMinutes(40);
    private static final Duration RUN_WAIT = Duration.ofHours(2);

    private ClientJvm() {
    }

    /**
     * Runs {@code scenario} (prepared and warmed up in the client JVM first, then timed) and returns its figures, with
     * the notes the client printed. The client's journal is its own (H2 in the sandbox's directory).
     */
    public static Measured run(Sandbox sandbox, String scenario, int operations, int threads, int warmup, Map<String, String> properties)
            throws Exception {
        Map<String, String> own = new HashMap<>(properties);
        own.putIfAbsent("dui.journal.dir", sandbox.directory().resolve("journal-" + scenario).toString());
        Path config = sandbox.propertiesFileWith("client-" + scenario + ".properties", own);
        Path resultFile = sandbox.directory().resolve("client-" + scenario + ".result");
        try (ChildJvm child = ChildJvm.start(sandbox.directory().resolve("client-" + scenario + ".log"), BenchWorker.class,
                config.toString(), "client-" + scenario, scenario, String.valueOf(operations), String.valueOf(threads),
                String.valueOf(warmup), "0", resultFile.toString())) {
            child.awaitLine("READY", READY_WAIT);
            long simulatorsBefore = processCpuNanos();
            child.tell("GO");
            child.awaitLine("RESULT", RUN_WAIT);
            long simulators = processCpuNanos() - simulatorsBefore;
            String notes = child.awaitLine("NOTES", Duration.ofSeconds(10)).substring("NOTES".length()).trim();
            return new Measured(BenchResult.readFrom(resultFile, simulators), notes);
        }
    }

    /** This process's CPU time: the simulators', the only work it does while a client runs. */
    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /** A client JVM's figures and the notes its scenario printed. */
    public record Measured(BenchResult result, String notes) {
    }
}
