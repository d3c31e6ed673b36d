package fr.duiconnect.harness.bench;

import fr.duiconnect.harness.cli.DuiConnectCommand;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (not run by the build): {@code mvn -pl test-harness test -Dtest=FhirBenchmark}, or
 * {@code dui-connect bench eparcours-post|eparcours-pull|eprescription-import}. Prints figures.
 */
class FhirBenchmark {

    @Test
    void printFigures() {
        DuiConnectCommand.commandLine().execute("bench", "eprescription-import", "--n", "200", "--threads", "2", "--warmup", "10");
        DuiConnectCommand.commandLine().execute("bench", "eparcours-post", "--n", "200", "--threads", "4", "--warmup", "10");
        DuiConnectCommand.commandLine().execute("bench", "eparcours-pull", "--n", "50", "--threads", "1", "--warmup", "3");
    }
}
