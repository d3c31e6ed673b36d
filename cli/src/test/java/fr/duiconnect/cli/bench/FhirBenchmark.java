package fr.duiconnect.cli.bench;

import fr.duiconnect.cli.DuiConnectCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (not run by the build): {@code mvn -pl test-harness test -Dtest=FhirBenchmark}, or
 * {@code dui-connect bench eparcours-post|eparcours-pull|eprescription-import}. Prints figures.
 */
class FhirBenchmark {

    @Test
    void printFigures() {
        // The bench command exits 1 when any measured operation failed: figures of failing runs are not figures.
        assertThat(DuiConnectCommand.commandLine().execute("bench", "eprescription-import", "--n", "200", "--threads", "2", "--warmup", "10")).isZero();
        assertThat(DuiConnectCommand.commandLine().execute("bench", "eparcours-post", "--n", "200", "--threads", "4", "--warmup", "10")).isZero();
        assertThat(DuiConnectCommand.commandLine().execute("bench", "eparcours-pull", "--n", "50", "--threads", "1", "--warmup", "3")).isZero();
    }
}
