package fr.duiconnect.cli.bench;

import fr.duiconnect.cli.DuiConnectCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bench of issue #16 run with a tiny N against the sandbox: it completes without a failed operation and prints
 * its row with numbers (throughput, p50/p99, CPU ms/op). Figures are never asserted: timings are not tests.
 */
class BenchScenariosTest {

    private static final String NUMBER = "[0-9]+(\\.[0-9]+)?";

    private static Pattern row(String scenario, int operations) {
        return Pattern.compile("(?m)^" + Pattern.quote(scenario) + ": " + operations + " operations on 1 thread\\(s\\) in " + NUMBER + " s — "
                + NUMBER + " ops/s — latency p50 " + NUMBER + " ms, p90 " + NUMBER + " ms, p99 " + NUMBER + " ms, max " + NUMBER
                + " ms — CPU " + NUMBER + " ms/op \\(of which JIT/GC " + NUMBER + ", own threads " + NUMBER + "; simulators " + NUMBER
                + " ms/op\\) — peak heap " + NUMBER + " MiB — errors 0");
    }

    private static String bench(String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = DuiConnectCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        int exit = command.execute(args);
        assertThat(exit).as("exit code; output:%n%s", out).isZero();
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dlu-deposit-bare", "eparcours-post-bare", "mssante-send", "dmp-simulator", "insi-simulator", "eparcours-simulator", "mssante-simulator"})
    void a_baseline_or_simulator_bench_prints_its_row_with_cpu_per_operation(String scenario) {
        String output = bench("bench", scenario, "--n", "3", "--warmup", "1");
        assertThat(output).containsPattern(row(scenario, 3)).containsPattern(Pattern.quote(scenario) + ": simulators " + NUMBER + " CPU ms/op");
    }

    @Test
    void compare_prints_both_rows_and_the_ratios() {
        String output = bench("bench", "ins-search", "--n", "3", "--warmup", "1", "--compare", "ins-search-bare");
        assertThat(output).containsPattern(row("ins-search", 3)).containsPattern(row("ins-search-bare", 3))
                .containsPattern("ratio ins-search / ins-search-bare: " + NUMBER + " \\(throughput\\), " + NUMBER + " \\(p50 latency\\), "
                        + NUMBER + " \\(p99 latency\\), " + NUMBER + " \\(CPU ms/op\\)");
    }

    /** The simulators' CPU is then this process's, the connector's its own JVM's: both must be measured, neither zero. */
    @Test
    void with_client_jvms_each_side_runs_in_its_own_process_and_the_simulators_cpu_is_measured_apart() {
        String output = bench("bench", "ins-search", "--n", "3", "--warmup", "1", "--compare", "ins-search-bare", "--client-jvm");
        assertThat(output).containsPattern(row("ins-search", 3)).containsPattern(row("ins-search-bare", 3))
                .containsPattern("ratio ins-search / ins-search-bare: " + NUMBER + " \\(throughput\\)")
                .containsPattern("ins-search: simulators [0-9.]*[1-9][0-9.]* CPU ms/op")
                .doesNotContainPattern("CPU 0\\.00 ms/op");
    }

    @Test
    void the_refresh_deposits_or_replaces_each_resident_and_projects_the_seeds_scale() {
        String output = bench("bench", "dlu-refresh", "--residents", "6", "--warmup", "0");
        assertThat(output).containsPattern(row("dlu-refresh", 6))
                .containsPattern("dlu-refresh: 6 residents: [0-9]+ first deposits, [0-9]+ replacements, [0-9]+ refused by the pre-checks")
                .containsPattern("projected 120,000 residents: " + NUMBER + " min");
    }

    /** Issue #21: every phase runs on a small registry, and the fairness phase's operations end as designed (checked, not assumed). */
    @Test
    void multi_structure_runs_every_phase_and_checks_the_fairness_operations_outcomes() {
        String output = bench("bench", "multi-structure", "--structures", "12", "--operations", "40", "--threads", "2", "--dmp-every", "4",
                "--backlog", "15", "--samples", "3");
        assertThat(output).containsPattern("heap per idle structure: " + NUMBER + " KB")
                .containsPattern("heap per active structure: -?" + NUMBER + " KB")
                .containsPattern("mixed over 12 structures: [0-9]+ operations on 2 thread\\(s\\).* errors 0")
                .containsPattern("fairness: one operation of structure [0-9]{9} while [0-9]{9} has a backlog: p50 " + NUMBER + " ms")
                .contains("0 of 18 operations ended otherwise than FAILED DMP-DOCUMENT-NOT-FOUND after one exchange");
    }

    @Test
    void startup_prints_a_time_to_ready_per_module() {
        String output = bench("bench", "startup", "--runs", "1");
        assertThat(output).containsPattern("(?m)^core only +ready in +[0-9]+ ms");
        for (String module : new String[] {"ins", "dmp", "mssante", "eprescription", "eparcours", "annuaire"}) {
            assertThat(output).containsPattern("(?m)^\\+" + module + " +ready in +[0-9]+ ms .* the module adds [-+][0-9]+ ms");
        }
    }
}
