package fr.duiconnect.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A normal run shows its story and genuine warnings only: the demo, run as a user runs it (its own process, the command
 * line's logging configuration), prints no WARN or ERROR line on a clean sandbox.
 */
class DemoIsQuietTest {

    @TempDir
    Path dir;

    @Test
    void the_demo_on_a_clean_sandbox_prints_no_warn_or_error_line() throws Exception {
        Path err = dir.resolve("stderr.txt");
        Path out = dir.resolve("stdout.txt");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), DuiConnectCommand.class.getName(),
                "demo", "--dir", dir.resolve("demo").toString())
                .redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        assertThat(demo.waitFor(5, TimeUnit.MINUTES)).as("the demo ends").isTrue();

        List<String> noisy = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
        assertThat(demo.exitValue()).as(Files.readString(out) + Files.readString(err)).isZero();
        assertThat(noisy).as("WARN/ERROR lines of the demo").isEmpty();
        assertThat(Files.readString(out)).as("the DLU goes to the médecin traitant the directory gives for the resident's RPPS")
                .contains("médecin traitant found by RPPS 10003456786 → personal (PER) mailbox dr.leroy@cabinet-a.mssante.fr");
    }
}
