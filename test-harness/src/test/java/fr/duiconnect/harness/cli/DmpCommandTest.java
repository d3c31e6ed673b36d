package fr.duiconnect.harness.cli;

import fr.duiconnect.harness.dmp.KitDlu;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dui-connect dmp deposit|search|retrieve} as a user runs them, against a sandbox started by the command. */
class DmpCommandTest {

    @TempDir
    Path dir;

    private static Path kit() {
        return Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit");
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
    void depositADluThenItIsAcknowledgedWithItsUniqueId() throws Exception {
        KitDlu.Generated dlu = KitDlu.load(kit()).forStructure(Sandbox.TEST_FINESS);
        Path file = Files.write(dir.resolve("dlu.xml"), dlu.cda());
        Run run = run("dmp", "deposit", file.toString(), "--ins", KitDlu.KIT_PATIENT.ins().matricule(),
                "--non-opposition-recorded-by", "IDEC", "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("journaled: operation").contains("DMP: ACKED, uniqueId " + dlu.uniqueId());
    }

    @Test
    void aDocumentOfAnotherStructureIsRefusedWithTheRule() throws Exception {
        Path file = Files.write(dir.resolve("dlu.xml"), KitDlu.load(kit()).forStructure("750000028").cda());
        Run run = run("dmp", "deposit", file.toString(), "--ins", KitDlu.KIT_PATIENT.ins().matricule(),
                "--non-opposition-recorded-by", "IDEC", "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("DMP-AUTHOR-INSTITUTION").contains("EX_2.1-1140");
    }

    @Test
    void searchAnsweredByTheSandboxDmp() {
        Run run = run("dmp", "search", "--ins", KitDlu.KIT_PATIENT.ins().matricule(), "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("0 document(s)");
    }
}
