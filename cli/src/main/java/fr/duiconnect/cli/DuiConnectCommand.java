package fr.duiconnect.cli;

import fr.duiconnect.core.error.DuiConnectException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dui-connect} command line, started by the {@code ./dui-connect} launcher at the root. */
@Command(name = "dui-connect", mixinStandardHelpOptions = true, version = "DUI Connect 0.1.0",
        description = "Interoperability toolkit for medico-social DUIs: INS, DMP, MSSanté, e-prescription, e-parcours.",
        subcommands = {
                DemoCommand.class,
                SandboxCommand.class,
                BenchCommand.class,
                AuditCommand.class,
                MssanteCommand.class,
                IndicatorsCommand.class,
                InsCommand.class,
                DmpCommand.class,
                ConformanceCommand.class,
                EPrescriptionCommand.class,
                EParcoursCommand.class,
        })
public final class DuiConnectCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the error handling every subcommand shares: typed errors print their code, exit 1. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DuiConnectCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof DuiConnectException known) {
                cmd.getErr().println("error: " + known.getMessage());
                return 1;
            }
            cmd.getErr().println("error: " + exception);
            return 2;
        });
        return commandLine;
    }
}
