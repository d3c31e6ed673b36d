package fr.duiconnect.cli;

import fr.duiconnect.cli.DuiConnectCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dui-connect eparcours post|pull --sandbox} print JSON. */
class EParcoursCommandTest {

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(DuiConnectCommand.commandLine().execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void postDeliversTheNoteAndPullFindsTheNursesNotes() throws Exception {
        Path dir = Files.createTempDirectory("dui-cli-eparcours-");
        String posted = run("eparcours", "post", "--ins", "289062913400149", "--type", "OBS", "--text", "Repas pris en entier.",
                "--sandbox", "--sandbox-dir", dir.resolve("a").toString());
        assertThat(posted).contains("\"state\" : \"ACKED\"").contains("\"note\" : \"DocumentReference/");
        String pulled = run("eparcours", "pull", "--ins", "289062913400149", "--sandbox", "--sandbox-dir", dir.resolve("b").toString());
        assertThat(pulled).contains("constantes normales").contains("\"authorRole\" : \"Infirmier\"");
    }
}
