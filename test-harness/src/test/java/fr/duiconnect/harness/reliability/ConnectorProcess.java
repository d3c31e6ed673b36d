package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.core.operation.OperationReceipt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A connector in its own JVM. Arguments: a configuration file, a node name and, optionally, a workload directory
 * ({@link MixedWorkload#write}).
 * <ul>
 *   <li>Without a workload it only drains the journal, until the test stops the process.</li>
 *   <li>With one it accepts the whole workload (again, after a restart: accepting is idempotent by each
 *       operation's key), prints {@code ACCEPTED n}, waits for every operation to settle, prints one
 *       {@link Settled} line each, then {@code DONE}, and exits.</li>
 * </ul>
 */
public final class ConnectorProcess {

    /** Per operation; DMP deposits include the simulated DMP's validation of the CDA with the ANS kit. */
    static final Duration SETTLE_WAIT = Duration.ofSeconds(240);

    private ConnectorProcess() {
    }

    /**
     * Starts a connector process, its output (standard and error) going to {@code log}, and returns once it has
     * said it started; a process that ends or stays silent for a minute fails the test.
     */
    static Process launch(Path config, String node, Path log, String... workload) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), ConnectorProcess.class.getName(), config.toString(), node));
        command.addAll(List.of(workload));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!awaitLine(process, log, "STARTED " + node, Duration.ofMinutes(1))) {
            process.destroyForcibly();
            throw new AssertionError("connector process " + node + " did not start; see " + log);
        }
        return process;
    }

    /**
     * Waits, while the process lives and at most {@code max}, for a line of its log. The other process can tell this
     * one nothing but through its output, so the log is read again every 50 ms.
     */
    static boolean awaitLine(Process process, Path log, String line, Duration max) throws IOException, InterruptedException {
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
        List<OperationReceipt> receipts = new ArrayList<>();
        for (MixedWorkload.Operation operation : workload.operations()) {
            receipts.add(operation.acceptOn(connector));
        }
        System.out.println("ACCEPTED " + receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            System.out.println(Settled.of(workload.operations().get(i), connector.operations().await(receipts.get(i).operationId(), SETTLE_WAIT)).line());
        }
        System.out.println("DONE");
        System.out.flush();
        connector.close();
        System.exit(0);
    }
}
