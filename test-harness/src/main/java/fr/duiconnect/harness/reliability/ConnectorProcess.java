package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.config.ConnectorProperties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A connector in its own JVM. Arguments: a configuration file, a node name and, optionally, a workload directory
 * ({@link MixedWorkload#write}), its share {@code p/P} (the operations whose index is p modulo P; default 0/1) and a
 * file of reads already done (their keys, one a line).
 * <ul>
 *   <li>Without a workload it only drains the journal, until the test stops the process.</li>
 *   <li>With one it accepts its share of the workload (again, after a restart: accepting is idempotent by each
 *       operation's key) and does its reads (four threads accept and read), printing one {@link ReadOutcome} line each — except
 *       the reads already done, and the INSi searches whose audit event exists (a process killed after the
 *       search was audited, before it said so): a read is done once. It prints an {@link Accepted} line per operation
 *       it journaled; an optional sixth argument, a file of such lines from earlier runs, names operations not to
 *       accept again (their receipt is known). Then it prints {@code ACCEPTED n}, waits for
 *       every operation to settle, prints one {@link Settled} line each, then {@code DONE}, and exits.</li>
 * </ul>
 */
public final class ConnectorProcess {

    /** Per operation; DMP deposits include the simulated DMP's validation of the CDA with the ANS kit. */
    public static final Duration SETTLE_WAIT = Duration.ofSeconds(240);
    /** Threads accepting the workload and doing its reads. */
    static final int ACCEPTING_THREADS = 4;

    private ConnectorProcess() {
    }

    /**
     * Starts a connector process, its output (standard and error) going to {@code log}, and returns once it has
     * said it started; a process that ends or stays silent for a minute fails the test.
     */
    public static Process launch(Path config, String node, Path log, String... workload) throws IOException, InterruptedException {
        return launch(config, node, log, Duration.ofMinutes(1), workload);
    }

    /** The same, waiting at most {@code startWithin} for the process to say it started (a loaded machine is slow). */
    public static Process launch(Path config, String node, Path log, Duration startWithin, String... workload) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), ConnectorProcess.class.getName(), config.toString(), node));
        command.addAll(List.of(workload));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!awaitLine(process, log, "STARTED " + node, startWithin)) {
            // alive with CPU spent: slow (a loaded machine); dead: see its log; alive without CPU: stuck
            String state = process.isAlive() ? "alive, " + process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L)
                    + " ms of CPU" : "ended with " + process.exitValue();
            process.destroyForcibly();
            throw new AssertionError("connector process " + node + " did not start within " + startWithin + " (" + state + "); see " + log);
        }
        return process;
    }

    /**
     * Waits, while the process lives and at most {@code max}, for a line of its log. The other process can tell this
     * one nothing but through its output, so the log is read again every 50 ms.
     */
    public static boolean awaitLine(Process process, Path log, String line, Duration max) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).contains(line)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    public static void main(String[] args) throws Exception {
        DuiConnector connector = DuiConnector.builder().config(ConnectorProperties.load(Path.of(args[0]))).nodeName(args[1]).build();
        System.out.println("STARTED " + args[1]);
        System.out.flush();
        if (args.length < 3) {
            Runtime.getRuntime().addShutdownHook(new Thread(connector::close));
            new CountDownLatch(1).await();   // drains until the test stops the process
            return;
        }
        MixedWorkload workload = MixedWorkload.read(Path.of(args[2]));
        String[] share = (args.length > 3 ? args[3] : "0/1").split("/");
        int part = Integer.parseInt(share[0]);
        int parts = Integer.parseInt(share[1]);
        Set<String> done = args.length > 4 ? new HashSet<>(Files.readAllLines(Path.of(args[4]), StandardCharsets.UTF_8)) : Set.of();
        Map<String, UUID> journaled = args.length > 5 ? Accepted.read(Path.of(args[5])) : Map.of();
        List<MixedWorkload.Operation> accepted = new ArrayList<>();
        List<Future<UUID>> receipts = new ArrayList<>();
        List<Future<?>> reads = new ArrayList<>();
        // A DUI accepts from several threads: so does the run, so that a loaded machine's scheduler gives it its share.
        ExecutorService accepting = Executors.newFixedThreadPool(ACCEPTING_THREADS, work -> {
            Thread thread = new Thread(work, "accepting");
            thread.setDaemon(true);   // a main thread that fails ends the process, which the run then sees
            return thread;
        });
        for (int i = part; i < workload.operations().size(); i += parts) {
            MixedWorkload.Operation operation = workload.operations().get(i);
            int index = i;
            if (!operation.isRead()) {
                accepted.add(operation);
                UUID known = journaled.get(operation.key());
                // journaled by an earlier run, which said so: not accepted (nor validated) again
                receipts.add(known != null ? CompletableFuture.completedFuture(known) : accepting.submit(() -> {
                    UUID id = acceptWhenReady(workload.withContent(index), connector);
                    System.out.println(Accepted.line(operation.key(), id));
                    return id;
                }));
            } else if (!done.contains(operation.key())) {
                reads.add(accepting.submit(() -> {
                    String audited = operation.service() == ServiceSocle.INS ? auditedSearch(connector, operation.key()) : null;
                    System.out.println(new ReadOutcome(operation.service(), operation.key(),
                            audited != null ? "AUDITED " + audited : operation.readOn(connector)).line());
                }));
            }
        }
        for (Future<?> read : reads) {
            read.get();
        }
        System.out.println("ACCEPTED " + receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            System.out.println(Settled.of(accepted.get(i), connector.operations().await(receipts.get(i).get(), SETTLE_WAIT)).line());
        }
        accepting.shutdown();
        System.out.println("DONE");
        System.out.flush();
        connector.close();
        System.exit(0);
    }

    /**
     * Accepts the operation, as a DUI would when the connector says it is not ready yet (CORE-NOT-READY: the FHIR
     * validators of a process just started on a loaded machine are still being built) — again, a little later.
     */
    private static UUID acceptWhenReady(MixedWorkload.Operation operation, DuiConnector connector) throws InterruptedException {
        while (true) {
            try {
                return operation.acceptOn(connector).operationId();
            } catch (fr.duiconnect.core.error.ServiceNotReadyException notYet) {
                Thread.sleep(1000);
            }
        }
    }

    /** The outcome and detail of the audit event of the INSi search for this local id, or null if none. */
    private static String auditedSearch(DuiConnector connector, String localId) {
        return connector.audit().query(AuditQuery.all().forPerson(localId)).stream().filter(e -> "ins.search".equals(e.action()))
                .findFirst().map(e -> e.outcome() + " " + e.detail()).orElse(null);
    }
}
