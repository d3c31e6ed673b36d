package fr.duiconnect.harness.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class InsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private int run(String... args) {
        return new CommandLine(new DuiConnectCommand()).execute(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkOfAValidMatriculeExitsZero() {
        assertThat(run("ins", "check", "180032B02040123")).isZero();
        assertThat(output()).contains("valid");
    }

    @Test
    void checkOfAWrongKeyExitsOneAndSaysWhy() {
        assertThat(run("ins", "check", "181036322045660")).isEqualTo(1);
        assertThat(output()).contains("INS-KEY-INVALID", "76");
    }

    @Test
    void searchInTheSandboxPrintsTheInsAsJson() {
        int code = run("ins", "search", "--nom", "DE VINCI", "--prenoms", "LEONARDO", "--sexe", "M", "--naissance", "2014-02-01",
                "--lieu", "63220", "--sandbox");
        assertThat(code).isZero();
        assertThat(output()).contains("\"codeCR\":\"00\"", "\"matricule\":\"114026322051781\"", "\"oid\":\"1.2.250.1.213.1.4.8\"",
                "\"statut\":\"RECUP\"");
    }
}
