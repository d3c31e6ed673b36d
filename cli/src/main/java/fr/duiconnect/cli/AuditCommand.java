package fr.duiconnect.cli;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.config.ConnectorProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** {@code dui-connect audit export}: the audit trail as JSON lines, without document bodies or secrets. */
@Command(name = "audit", description = "Audit trail (traçabilité).", subcommands = AuditCommand.Export.class)
final class AuditCommand {

    @Command(name = "export", description = "Write the audit trail as JSON lines (who, what, for whom, when, outcome).")
    static final class Export implements Callable<Integer> {

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "Connector configuration whose journal to read.")
        Path config;

        @Option(names = "--from", description = "Start (inclusive): a date YYYY-MM-DD or an instant.")
        String from;

        @Option(names = "--to", description = "End (exclusive): a date YYYY-MM-DD or an instant.")
        String to;

        @Option(names = "--ins", description = "Only this person (matricule INS or local id).")
        String person;

        @Option(names = "--out", description = "File to write (default: standard output).")
        Path out;

        @Override
        public Integer call() throws Exception {
            AuditQuery query = new AuditQuery(instant(from), instant(to), person, null);
            try (DuiConnector connector = DuiConnector.builder().config(ConnectorProperties.load(config)).dispatching(false).build();
                 Writer writer = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                         : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                long count = connector.audit().exportJsonLines(query, writer);
                System.err.println(count + " audit event(s) exported");
            }
            return 0;
        }

        private static Instant instant(String value) {
            if (value == null) {
                return null;
            }
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        }
    }
}
