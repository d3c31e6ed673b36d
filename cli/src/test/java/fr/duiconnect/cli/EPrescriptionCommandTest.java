package fr.duiconnect.cli;

import fr.duiconnect.cli.DuiConnectCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dui-connect eprescription import --id N --ins M --sandbox} prints the import as JSON. */
class EPrescriptionCommandTest {

    @Test
    void importPrintsThePrescriptionAsJson() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = DuiConnectCommand.commandLine().execute("eprescription", "import", "--id", "10543745",
                    "--ins", "289062913400149", "--sandbox");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(out).contains("\"outcome\" : \"IMPORTED\"").contains("\"number\" : \"10543745\"")
                .contains("\"system\" : \"SMS\"").contains("\"code\" : \"100000091372\"");
    }
}
