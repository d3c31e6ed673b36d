package fr.duiconnect.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line is consistent: every command and subcommand answers --help and -h, and errors use the documented codes. */
class CommandTreeTest {

    @Test
    void every_command_answers_help_and_h_with_its_usage() {
        List<List<String>> paths = new ArrayList<>();
        collect(DuiConnectCommand.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(20);
        for (List<String> path : paths) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(help);
                StringWriter out = new StringWriter();
                CommandLine commandLine = DuiConnectCommand.commandLine();
                commandLine.setOut(new PrintWriter(out));
                int exit = commandLine.execute(args.toArray(String[]::new));
                assertThat(exit).as(String.join(" ", args)).isZero();
                assertThat(out.toString()).as(String.join(" ", args)).startsWith("Usage: dui-connect");
            }
        }
    }

    @Test
    void an_unknown_option_is_a_usage_error_exit_2() {
        CommandLine commandLine = DuiConnectCommand.commandLine();
        commandLine.setErr(new PrintWriter(new StringWriter()));
        assertThat(commandLine.execute("indicators", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void an_insi_persona_unknown_to_the_sandbox_is_refused_exit_1_naming_the_personas() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = DuiConnectCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute("eparcours", "post", "--ins", "199999999999999", "--type", "OBS", "--text", "x", "--sandbox");
        assertThat(exit).isEqualTo(DuiConnectCommand.EXIT_REFUSED);
        assertThat(err.toString()).contains("ins").contains("MARTIN").doesNotContain("Exception");
    }

    @Test
    void the_main_help_lists_the_exit_codes() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = DuiConnectCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.execute("--help");
        assertThat(out.toString()).contains("Exit codes:").contains("1   input refused").contains("3   service or environment error");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias of a command already walked
            }
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, into);
        });
    }
}
