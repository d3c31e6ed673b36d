package fr.duiconnect.cli;

import fr.duiconnect.cli.bench.PostgresJournal;
import fr.duiconnect.harness.reliability.NothingLostRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code dui-connect bench nothing-lost}: the nothing-lost run at a vendor's volume, under random faults and SIGKILLs;
 * exits non-zero when an invariant is broken (what it checks: {@link NothingLostRun}).
 */
@Command(name = "nothing-lost", description = "Mixed operations (MSSanté, DMP, e-parcours, INSi, e-prescription) under random faults "
        + "and SIGKILLs, then checks that nothing is lost nor duplicated; non-zero exit when an invariant is broken.")
final class NothingLostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--n", defaultValue = "10000", description = "Operations (default: ${DEFAULT-VALUE}).")
    int operations;

    @Option(names = "--kills", defaultValue = "3", description = "SIGKILLs at random points (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--fault-rate", defaultValue = "0.2", description = "Share of requests each simulator answers with a fault (default: ${DEFAULT-VALUE}).")
    double faultRate;

    @Option(names = "--seed", description = "Seed of the faults and kill points (default: the time, printed).")
    Long seed;

    @Option(names = "--pg-url", description = "Journal on this PostgreSQL server, a schema per run (default: H2; $DUI_TEST_PG_URL with --processes > 1).")
    String postgresUrl;

    @Option(names = "--pg-user", description = "PostgreSQL user (default: $DUI_TEST_PG_USER, else dui); password from $DUI_TEST_PG_PASSWORD.")
    String postgresUser;

    @Option(names = "--processes", defaultValue = "1", description = "Connector processes sharing the workload (more than one: PostgreSQL).")
    int processes;

    @Option(names = "--dir", description = "Where the run's sandbox, workload and process logs go (default: a new temporary directory).")
    Path directory;

    @Override
    public Integer call() throws Exception {
        PostgresJournal postgres = postgresUrl != null || processes > 1 ? PostgresJournal.of(postgresUrl, postgresUser) : null;
        if (processes > 1 && postgres == null) {
            spec.commandLine().getErr().println("--processes > 1 needs a PostgreSQL journal (--pg-url or $DUI_TEST_PG_URL)");
            return 2;
        }
        Path dir = directory != null ? Files.createDirectories(directory) : Files.createTempDirectory("dui-nothing-lost-");
        NothingLostRun.Settings settings = new NothingLostRun.Settings(operations, kills, faultRate,
                seed != null ? seed : System.currentTimeMillis(), postgres == null ? Map.of() : postgres.newSchema(), processes, dir);
        spec.commandLine().getOut().println("nothing-lost: logs and sandbox under " + dir);
        return NothingLostRun.run(settings, spec.commandLine().getOut()).holds() ? 0 : DuiConnectCommand.EXIT_SERVICE;
    }
}
