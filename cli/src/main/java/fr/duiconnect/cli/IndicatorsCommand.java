package fr.duiconnect.cli;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.core.indicators.ActivityCounts;
import fr.duiconnect.core.indicators.MonthlyIndicators;
import fr.duiconnect.core.indicators.Targets;
import fr.duiconnect.cli.report.IndicatorsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dui-connect indicators}: the ESMS numérique usage indicators of one structure, from the journal. */
@Command(name = "indicators", description = "ESMS numérique usage indicators per structure and month (JSON, CSV or HTML dashboard).",
        subcommands = IndicatorsCommand.Record.class)
final class IndicatorsCommand implements Callable<Integer> {

    enum Format { json, csv, html }

    // Not "required" for picocli: the record subcommand must not need them. Checked in call().
    @Option(names = "--config", paramLabel = "FILE", description = "Connector configuration whose journal to read (required).")
    Path config;

    @Option(names = "--finess", description = "FINESS of the structure (required).")
    String finess;

    @Option(names = "--month", description = "Month YYYY-MM (required).")
    YearMonth month;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--months", defaultValue = "1", description = "How many months up to --month (the dashboard charts them; default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", description = "File to write (default: standard output).")
    Path out;

    @Option(names = "--target-mssante", defaultValue = "70", description = "Target of the MSSanté rate, %% (default: ${DEFAULT-VALUE}).")
    double targetMssante;

    @Option(names = "--target-dmp", defaultValue = "70", description = "Target of the DMP rate, %% (default: ${DEFAULT-VALUE}).")
    double targetDmp;

    @Option(names = "--target-activity", defaultValue = "90", description = "Target of the DUI activity rates, %% (default: ${DEFAULT-VALUE}).")
    double targetActivity;

    @Override
    public Integer call() throws Exception {
        if (config == null || finess == null || month == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--config, --finess and --month are required");
        }
        Targets targets = new Targets(targetMssante, targetDmp, targetActivity);
        List<MonthlyIndicators> series;
        try (DuiConnector connector = DuiConnector.builder().config(ConnectorProperties.load(config)).dispatching(false).build()) {
            series = connector.indicators().series(finess, month.minusMonths(Math.max(1, months) - 1L), month, targets);
        }
        String text = switch (format) {
            case json -> IndicatorsReport.json(series);
            case csv -> IndicatorsReport.csv(series);
            case html -> IndicatorsReport.html(series);
        };
        if (out == null) {
            System.out.print(text);
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            System.err.println("indicators written to " + out);
        }
        return 0;
    }

    @Command(name = "record", description = "Record the DUI's own counts for a month (persons accompanied, active records...).")
    static final class Record implements Callable<Integer> {

        @Option(names = "--config", required = true, paramLabel = "FILE") Path config;
        @Option(names = "--finess", required = true) String finess;
        @Option(names = "--month", required = true) YearMonth month;
        @Option(names = "--persons", required = true, description = "Persons accompanied in the month.") int persons;
        @Option(names = "--active", required = true, description = "Active DUI records.") int active;
        @Option(names = "--with-project", required = true, description = "Active records with a personalised project.") int withProject;
        @Option(names = "--with-event", required = true, description = "Active records with at least one event.") int withEvent;

        @Override
        public Integer call() {
            try (DuiConnector connector = DuiConnector.builder().config(ConnectorProperties.load(config)).dispatching(false).build()) {
                connector.indicators().recordActivity(finess, month, new ActivityCounts(persons, active, withProject, withEvent));
            }
            System.err.println("activity recorded for " + finess + " " + month);
            return 0;
        }
    }
}
