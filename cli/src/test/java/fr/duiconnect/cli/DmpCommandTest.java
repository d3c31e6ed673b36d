package fr.duiconnect.cli;

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
    void anEmptyNonOppositionRecorderIsOneTypedErrorBeforeAnythingStarts() throws Exception {
        KitDlu.Generated dlu = KitDlu.load(kit()).forStructure(Sandbox.TEST_FINESS);
        Path file = Files.write(dir.resolve("dlu.xml"), dlu.cda());
        Run run = run("dmp", "deposit", file.toString(), "--ins", KitDlu.KIT_PATIENT.ins().matricule(),
                "--non-opposition-recorded-by", "", "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("CORE-INPUT-REQUIRED").contains("nonOpposition.recordedBy")
                .doesNotContain("HikariDataSource").doesNotContain("\tat ");
    }

    /** The JSON sample the command line documents (samples/resident-example.json). */
    private static final Path RESIDENT = Path.of("../test-harness/src/main/resources/samples/resident-example.json");

    @Test
    void writeTheResidentsDluThenTheKitFindsNoFailureAndTheSandboxDmpAcknowledgesIt() {
        Path dlu = dir.resolve("dlu.xml");
        Run written = run("dmp", "dlu", "--resident", RESIDENT.toString(), "--out", dlu.toString(), "--kit", kit().toString());
        assertThat(written.exit()).as(written.out() + written.err()).isZero();
        assertThat(written.out()).contains("uniqueId 2.25.").contains("version 1").contains("kit: 0 failure(s)");
        Run deposit = run("dmp", "deposit", dlu.toString(), "--ins", "279035121518989", "--non-opposition-recorded-by", "IDEC",
                "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString());
        assertThat(deposit.exit()).as(deposit.out() + deposit.err()).isZero();
        assertThat(deposit.out()).contains("DMP: ACKED");
    }

    @Test
    void writeAnExitLetterAroundAPdfThenTheKitFindsNoFailure() throws Exception {
        Path pdf = Files.write(dir.resolve("lettre.pdf"), "%PDF-1.4\n%%EOF\n".getBytes());
        Run run = run("dmp", "letter", "--resident", RESIDENT.toString(), "--kind", "SORTIE", "--pdf", pdf.toString(),
                "--stay-start", "2021-09-01", "--stay-end", "2026-11-28", "--out", dir.resolve("lettre.xml").toString(), "--kit", kit().toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(Files.readString(dir.resolve("lettre.xml"))).contains("83981-1").contains("nonXMLBody");
        assertThat(run.out()).contains("kit: 0 failure(s)");
    }

    @Test
    void aResidentWithoutMedecinTraitantIsRefusedNamingTheField() throws Exception {
        String json = Files.readString(RESIDENT).replace("\"attendingPhysician\"", "\"formerPhysician\"");
        Path file = Files.writeString(dir.resolve("resident.json"), json);
        Run run = run("dmp", "dlu", "--resident", file.toString(), "--out", dir.resolve("dlu.xml").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("DMP-DOCUMENT-CONTENT").contains("resident.attendingPhysician");
    }

    /** The minimal resident: a qualified INS without birth place is refused before writing (StrucMin SMDS_CDAClinicalDocument). */
    @Test
    void aMinimalResidentWithoutBirthPlaceIsRefusedNamingTheField() throws Exception {
        String json = Files.readString(RESIDENT).replace("\"birthPlaceCog\": \"51215\",", "");
        Path file = Files.writeString(dir.resolve("resident.json"), json);
        Run run = run("dmp", "dlu", "--resident", file.toString(), "--out", dir.resolve("dlu.xml").toString(), "--kit", kit().toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("DMP-DOCUMENT-CONTENT").contains("resident.person.traits.birthPlaceCog").contains("SMDS_CDAClinicalDocument");
        assertThat(dir.resolve("dlu.xml")).doesNotExist();
    }

    /** Without facilityTypeName / practiceSettingName, the kit's value sets (J02, J04) give the display names. */
    @Test
    void codesWithoutDisplayNamesGetThemFromTheKitsValueSets() throws Exception {
        String json = Files.readString(RESIDENT).replace("\"facilityTypeName\": \"Etablissement pour personnes âgées\",", "")
                .replace("\"practiceSettingName\": \"Etablissement de santé\",", "");
        assertThat(json).doesNotContain("facilityTypeName").doesNotContain("practiceSettingName");
        Path file = Files.writeString(dir.resolve("resident.json"), json);
        Run run = run("dmp", "dlu", "--resident", file.toString(), "--out", dir.resolve("dlu.xml").toString(), "--kit", kit().toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("kit: 0 failure(s)");
        assertThat(Files.readString(dir.resolve("dlu.xml"))).contains("code=\"SA17\" displayName=\"Etablissement pour personnes âgées\"")
                .contains("code=\"ETABLISSEMENT\" displayName=\"");
    }

    @Test
    void searchAnsweredByTheSandboxDmp() {
        Run run = run("dmp", "search", "--ins", KitDlu.KIT_PATIENT.ins().matricule(), "--sandbox", "--sandbox-dir", dir.resolve("sandbox").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("0 document(s)");
    }
}
