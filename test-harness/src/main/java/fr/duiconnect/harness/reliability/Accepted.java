package fr.duiconnect.harness.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An operation a connector process journaled, printed once its accept returned (so the journal holds it): its key
 * and operation id. A process started after a kill is given these lines and waits for those operations without
 * accepting them again — accepting is idempotent, but a note's or a deposit's validation is not free.
 */
final class Accepted {

    private static final String PREFIX = "ACCEPT\t";

    private Accepted() {
    }

    static String line(String key, UUID operationId) {
        return PREFIX + key + '\t' + operationId;
    }

    /** The accepted operations the logs name (a line cut by a kill is skipped: that operation is accepted again). */
    static Map<String, UUID> of(Collection<Path> logs) throws IOException {
        Map<String, UUID> accepted = new HashMap<>();
        for (Path log : logs) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t", -1);
                    if (line.startsWith(PREFIX) && fields.length == 3 && fields[2].length() == 36) {
                        accepted.put(fields[1], UUID.fromString(fields[2]));
                    }
                }
            }
        }
        return accepted;
    }

    static Map<String, UUID> read(Path file) throws IOException {
        return of(java.util.List.of(file));
    }

    static void write(Path file, Map<String, UUID> accepted) throws IOException {
        StringBuilder lines = new StringBuilder();
        accepted.forEach((key, id) -> lines.append(line(key, id)).append('\n'));
        Files.writeString(file, lines, StandardCharsets.UTF_8);
    }
}
