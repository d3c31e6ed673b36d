package fr.duiconnect.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's JVM of its own, launched with this command line's own java command and class path (the cli jar when
 * run from it), its output copied to a log and read line by line: the parent waits for a line, and may tell the
 * child to go by its standard input.
 */
final class ChildJvm implements AutoCloseable {

    /** JVM options for every bench child (profiling, heap), beside {@code -Xmx1g}. */
    static final String JAVA_OPTIONS = "DUI_BENCH_CHILD_JAVA_OPTS";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::copyOutput, "bench-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Path log, Class<?> main, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        String options = System.getenv(JAVA_OPTIONS);
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));   // e.g. a flight recording of the client alone
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    }

    private void copyOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                copy.write(line + "\n");
                copy.flush();
                lines.add(line);
            }
        } catch (IOException ended) {
            // the child ended; awaitLine reports it
        }
    }

    /** The first line starting with {@code prefix}, waiting at most {@code max}; fails if the child ends or stays silent. */
    String awaitLine(String prefix, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new IllegalStateException("no '" + prefix + "' line from the child JVM (exit " + (process.isAlive() ? "none" : process.exitValue())
                + "); see " + log);
    }

    void tell(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
