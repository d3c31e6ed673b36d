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

    @Test
    void replyAnswersANoteAndShowReadsItBack() throws Exception {
        Path dir = Files.createTempDirectory("dui-cli-eparcours-");
        String pulled = run("eparcours", "pull", "--ins", "289062913400149", "--sandbox", "--sandbox-dir", dir.resolve("a").toString());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\" : \"([^\"]+)\"").matcher(pulled);
        assertThat(id.find()).as(pulled).isTrue();
        String noteId = id.group(1);
        String shown = run("eparcours", "show", noteId, "--sandbox", "--sandbox-dir", dir.resolve("b").toString());
        assertThat(shown).contains("constantes normales").contains("\"id\" : \"" + noteId + "\"");
        String replied = run("eparcours", "reply", "--to", noteId, "--ins", "289062913400149", "--type", "OBS",
                "--text", "Vu, merci.", "--sandbox", "--sandbox-dir", dir.resolve("c").toString());
        assertThat(replied).contains("\"state\" : \"ACKED\"").contains("\"note\" : \"DocumentReference/");
    }
}
