package fr.duiconnect.cli;

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
    void send_the_ans_dlu_example_to_the_sandbox_and_keep_its_source() throws Exception {
        Path dlu = sharedDir().resolve("conformance/ans-cda-kit/ExemplesCDA/DLU-EHPAD-DLU_2022.01.xml");
        Path pdf = Files.write(dir.resolve("dlu.pdf"), "%PDF-1.4 DLU".getBytes(StandardCharsets.US_ASCII));
        Path eml = dir.resolve("out.eml");
        Run run = run("mssante", "send", "--to", "jean.dupont@hopital-a.mssante.fr", "--ins", "279035121518989",
                "--attach", dlu.toString(), "--pdf", pdf.toString(), "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString(),
                "--save-eml", eml.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("submission: SENT").contains("receipt: DSN").contains("receipt: MDN")
                .contains("journal state: ACKED");
        String source = Files.readString(eml, StandardCharsets.ISO_8859_1);
        assertThat(source).contains("X-MSS-NIL: SANDBOX-MSS-0001").contains("multipart/signed")
                .contains("X-MSS-CODECDA: 74207-2").contains("X-MSS-INS: O");
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
    void send_to_an_rpps_without_a_personal_mailbox_is_refused_listing_what_the_directory_publishes() {
        Path dlu = sharedDir().resolve("conformance/ans-cda-kit/ExemplesCDA/DLU-EHPAD-DLU_2022.01.xml");
        fr.duiconnect.harness.annuaire.DirectoryStore.SimProfessional cabinetOnly = fr.duiconnect.harness.annuaire.DirectoryStore
                .generate(fr.duiconnect.harness.annuaire.AnnuaireSimulator.SEED).professionals().stream()
                .filter(p -> p.perMailbox() == null && p.cabMailbox() != null).findFirst().orElseThrow();
        Run run = run("mssante", "send", "--to-rpps", cabinetOnly.rpps(), "--ins", "279035121518989",
                "--attach", dlu.toString(), "--sandbox", "--sandbox-dir", dir.resolve("sandbox-rpps").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("DIRECTORY-NO-PERSONAL-MAILBOX").contains("to.rpps").contains("CAB " + cabinetOnly.cabMailbox());
    }

    @Test
    void inbox_lists_what_the_mailbox_holds() {
        Run run = run("mssante", "inbox", "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 message(s), 0 receipt(s), 0 rejected");
    }
}
