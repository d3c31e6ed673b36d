package fr.duiconnect.cli.bench;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.ConnectorProperties;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * One client process of a bench: one of {@code bench <scenario> --processes P}, or the measured side of
 * {@code --client-jvm}. Arguments: configuration file, node name, scenario, operations, threads, warm-up, process
 * index, and optionally a file for the whole result (each latency). Prepares and warms up, says {@code READY}, runs
 * when told {@code GO} (so that every process's timing starts together), then says {@code RESULT ...} and exits.
 */
public final class BenchWorker {

    private BenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        int operations = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int index = Integer.parseInt(args[6]);
        BenchScenario scenario = ServiceLoader.load(BenchScenario.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals(args[2])).findFirst().orElseThrow().forProcess(index);
        try (DuiConnector connector = DuiConnector.builder().config(ConnectorProperties.load(Path.of(args[0]))).nodeName(args[1]).build()) {
            scenario.setUp(connector, null);
            BenchRunner.prepareAndWarmUp(scenario, operations, warmup);
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            BenchResult result = BenchRunner.run(scenario.name(), operations, threads, 0, scenario::run, null);
            System.out.println(String.format(Locale.ROOT, "RESULT %d %d %d %.3f %.3f", result.operations(), result.errors(),
                    result.connectorCpuNanos(), result.percentileMillis(50), result.percentileMillis(99)));
            if (args.length > 7) {
                result.writeTo(Path.of(args[7]));
            }
            System.out.println("NOTES " + scenario.notes(result));
            System.out.flush();
        }
        System.exit(0);
    }
}
