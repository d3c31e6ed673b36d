package fr.duiconnect.cli;

import fr.duiconnect.cli.bench.BenchDirectory;
import fr.duiconnect.cli.bench.MultiStructureBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code dui-connect bench multi-structure}: one connector serving many structures (issue #21). */
@Command(name = "multi-structure", mixinStandardHelpOptions = true,
        description = "One connector for many structures on the sandbox: start time, heap per idle and active structure,"
                + " mixed INSi/DMP throughput over all of them, one structure's latency while another has a backlog.")
final class MultiStructureBenchCommand implements Callable<Integer> {

    @Option(names = "--structures", defaultValue = "1000", description = "Structures in the registry (default: ${DEFAULT-VALUE}).")
    int structures;

    @Option(names = "--operations", defaultValue = "20000", description = "Mixed synchronous exchanges (default: ${DEFAULT-VALUE}).")
    int operations;

    @Option(names = "--threads", defaultValue = "8", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--dmp-every", defaultValue = "10", description = "Every Nth structure also uses the DMP (default: ${DEFAULT-VALUE}).")
    int dmpEvery;

    @Option(names = "--backlog", defaultValue = "2000", description = "Journaled DMP operations one structure queues (default: ${DEFAULT-VALUE}).")
    int backlog;

    @Option(names = "--samples", defaultValue = "50", description = "Another structure's single operations timed meanwhile (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--keep", description = "Keep the bench's files (journal, PKI) instead of removing them at the end.")
    boolean keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BenchDirectory directory = BenchDirectory.create("dui-bench-structures-", keep, out)) {
            return new MultiStructureBench(structures, operations, threads, dmpEvery, backlog, samples, out).run(directory.path());
        }
    }
}
