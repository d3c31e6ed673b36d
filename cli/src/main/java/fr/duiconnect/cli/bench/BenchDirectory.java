package fr.duiconnect.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A bench's working directory (sandbox PKI, journals, client JVMs' logs and results) under the system's temporary
 * directory, removed when the bench ends unless kept ({@code --keep}): one DLU bench leaves about a gigabyte of journal,
 * and a machine that runs benches every night would fill its disk.
 */
public final class BenchDirectory implements AutoCloseable {

    private final Path path;
    private final boolean keep;
    private final PrintWriter out;

    private BenchDirectory(Path path, boolean keep, PrintWriter out) {
        this.path = path;
        this.keep = keep;
        this.out = out;
    }

    public static BenchDirectory create(String prefix, boolean keep, PrintWriter out) throws IOException {
        return new BenchDirectory(Files.createTempDirectory(prefix), keep, out);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (keep) {
            out.println("bench files kept in " + path);
            out.flush();
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            // Deepest first, so that each directory is empty when its turn comes.
            files.sorted(Comparator.reverseOrder()).forEach(BenchDirectory::delete);
        } catch (IOException | UncheckedIOException e) {
            out.println("could not remove every bench file under " + path + ": " + e.getMessage());
            out.flush();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
