package fr.duiconnect.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dui-connect mssante send|inbox --sandbox} as a user runs them. */
class MssanteCommandTest {

    @TempDir
    Path dir;

    private static Path sharedDir() {
        String configured = System.getProperty("dui.shared.dir");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine commandLine = DuiConnectCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void send_refuses_an_identity_that_is_not_qualified() throws Exception {
        Path dlu = sharedDir().resolve("conformance/ans-cda-kit/ExemplesCDA/DLU-EHPAD-DLU_2022.01.xml");
        Run run = run("mssante", "send", "--to", "jean.dupont@hopital-a.mssante.fr", "--ins", "279035121518989",
                "--attach", dlu.toString(), "--status", "VALI", "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("INS-IDENTITY-NOT-QUALIFIED");
    }

    @Test
    void inbox_lists_what_the_mailbox_holds() {
        Run run = run("mssante", "inbox", "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 message(s), 0 receipt(s), 0 rejected");
    }
}
