package fr.duiconnect.cli;

import fr.duiconnect.core.error.ContentRefusedException;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dui-connect} command line, started by the {@code ./dui-connect} launcher at the root. */
@Command(name = "dui-connect", mixinStandardHelpOptions = true, version = "DUI Connect 0.1.0",
        description = "Interoperability toolkit for medico-social DUIs: INS, DMP, MSSanté, e-prescription, e-parcours, Annuaire Santé.",
        // In the order a newcomer meets them: the story, the sandbox, the services, then what operators and referents use.
        subcommands = {
                DemoCommand.class,
                SandboxCommand.class,
                InsCommand.class,
                DmpCommand.class,
                MssanteCommand.class,
                EPrescriptionCommand.class,
                EParcoursCommand.class,
                AnnuaireCommand.class,
                IndicatorsCommand.class,
                AuditCommand.class,
                ConformanceCommand.class,
                BenchCommand.class,
                AutoComplete.GenerateCompletion.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:input refused (the message names the field and the rule)",
                "2:usage error (unknown command or option, missing value)",
                "3:service or environment error (a national service, the network, the journal, a file)"})
public final class DuiConnectCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Quiet by default (the story and genuine warnings); --verbose on any command shows what the libraries say. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show the details: DUI Connect and its libraries at INFO.")
    void verbose(boolean on) {
        if (on) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("fr.duiconnect")).setLevel(Level.INFO);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Refused input: the message names the field and the rule. */
    public static final int EXIT_REFUSED = 1;
    /** A national service, the network, the journal or a file failed. */
    public static final int EXIT_SERVICE = 3;

    /**
     * The command line with what every subcommand shares: {@code --help}/{@code -h} and {@code --version}/{@code -V}
     * everywhere, and one error line (the typed error's message, never a stack trace) with the documented exit code.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DuiConnectCommand());
        withStandardHelp(commandLine);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("error: " + describe(exception));
            return exitCode(exception);
        });
        return commandLine;
    }

    static int exitCode(Throwable exception) {
        return exception instanceof InvalidInputException || exception instanceof IdentityRefusedException
                || exception instanceof ContentRefusedException ? EXIT_REFUSED : EXIT_SERVICE;
    }

    private static String describe(Throwable exception) {
        if (exception instanceof DuiConnectException) {
            return exception.getMessage();
        }
        String message = exception.getMessage();
        return exception.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void withStandardHelp(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(DuiConnectCommand::withStandardHelp);
    }
}
