package fr.duiconnect.harness.cli;

import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.internal.journal.JournalBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code dui-connect bench <scenario>}: throughput, latency percentiles and heap, printed (never asserted). */
@Command(name = "bench", description = "Benchmarks against the embedded sandbox.", subcommands = BenchCommand.Journal.class)
final class BenchCommand {

    @Command(name = "journal", description = "Journal alone: enqueue, then claim + complete, per second (H2, and PostgreSQL with --pg-url).")
    static final class Journal implements Callable<Integer> {

        @Option(names = "--n", defaultValue = "5000", description = "Operations (default: ${DEFAULT-VALUE}).")
        int operations;

        @Option(names = "--threads", defaultValue = "4", description = "Threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--pg-url", description = "Also run on this PostgreSQL journal (jdbc:postgresql://...); default: $DUI_TEST_PG_URL if set.")
        String postgresUrl;

        @Option(names = "--pg-user", description = "PostgreSQL user (default: $DUI_TEST_PG_USER).")
        String postgresUser;

        @Override
        public Integer call() throws Exception {
            Path directory = Files.createTempDirectory("dui-bench-journal-");
            System.out.println(JournalBenchmark.run(JournalConfig.h2(directory), operations, threads).describe());
            String url = postgresUrl != null ? postgresUrl : System.getenv("DUI_TEST_PG_URL");
            if (url != null) {
                String user = postgresUser != null ? postgresUser : System.getenv().getOrDefault("DUI_TEST_PG_USER", "dui");
                String password = System.getenv("DUI_TEST_PG_PASSWORD");
                JournalConfig postgres = JournalConfig.postgres(url, user, password == null ? null : Secret.of(password));
                System.out.println(JournalBenchmark.run(postgres, operations, threads).describe());
            } else {
                System.out.println("PostgreSQL: skipped (give --pg-url or set DUI_TEST_PG_URL)");
            }
            return 0;
        }
    }
}
