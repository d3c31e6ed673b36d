package fr.duiconnect.cli;

import fr.duiconnect.harness.annuaire.AnnuaireSimulator;
import fr.duiconnect.harness.annuaire.DirectoryStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dui-connect annuaire practitioner|structure|search --sandbox} print the directory's answers as JSON. */
class AnnuaireCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            int exit = DuiConnectCommand.commandLine().execute(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void practitionerPrintsTheProfessionalAndTheirMailboxes() {
        DirectoryStore.SimProfessional known = DirectoryStore.generate(AnnuaireSimulator.SEED).professionals().stream()
                .filter(p -> p.perMailbox() != null && p.cabMailbox() != null).findFirst().orElseThrow();
        Run run = run("annuaire", "practitioner", "--rpps", known.rpps(), "--sandbox");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"rpps\" : \"" + known.rpps() + "\"").contains(known.perMailbox())
                .contains("\"type\" : \"PER\"").contains("\"type\" : \"CAB\"");
    }

    @Test
    void structurePrintsTheStructureAndItsMailboxes() {
        Run run = run("annuaire", "structure", "--finess", "750000010", "--sandbox");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("EHPAD LES TILLEULS").contains("\"type\" : \"ORG\"").contains("\"type\" : \"APP\"");
    }

    @Test
    void aBadRppsIsAnInputRefusalNamingTheField() {
        Run run = run("annuaire", "practitioner", "--rpps", "1234", "--sandbox");
        assertThat(run.exit()).isEqualTo(DuiConnectCommand.EXIT_REFUSED);
        assertThat(run.err()).contains("rpps");
    }

    @Test
    void searchByNameAndCityPrintsOnlyTheHomonymOfThatCity() {
        Run run = run("annuaire", "search", "--name", "MARTIN", "--city", "Lyon", "--sandbox");
        assertThat(run.exit()).isZero();
        assertThat(run.out().split("\"Claire\"", -1)).hasSize(2);
    }
}
