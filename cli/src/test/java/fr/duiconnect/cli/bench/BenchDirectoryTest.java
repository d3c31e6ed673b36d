package fr.duiconnect.cli.bench;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A bench removes its files (journals of a gigabyte) when it ends, unless asked to keep them. */
class BenchDirectoryTest {

    @Test
    void the_bench_files_are_removed_at_the_end() throws Exception {
        StringWriter printed = new StringWriter();
        Path path;
        try (BenchDirectory directory = BenchDirectory.create("dui-bench-test-", false, new PrintWriter(printed))) {
            path = directory.path();
            Files.createDirectories(path.resolve("journal-dlu-deposit"));
            Files.writeString(path.resolve("journal-dlu-deposit").resolve("dui-journal.mv.db"), "pages");
            Files.writeString(path.resolve("client-dlu-deposit.log"), "log");
        }
        assertThat(path).doesNotExist();
        assertThat(printed.toString()).isEmpty();
    }

    @Test
    void with_keep_the_files_stay_and_their_place_is_printed() throws Exception {
        StringWriter printed = new StringWriter();
        Path path;
        try (BenchDirectory directory = BenchDirectory.create("dui-bench-test-", true, new PrintWriter(printed))) {
            path = directory.path();
            Files.writeString(path.resolve("client-dlu-deposit.log"), "log");
        }
        assertThat(path.resolve("client-dlu-deposit.log")).exists();
        assertThat(printed.toString()).contains("bench files kept in " + path);
        Files.delete(path.resolve("client-dlu-deposit.log"));
        Files.delete(path);
    }
}
