package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The receiving side of the nothing-lost runs: the hospital doctor's own DUI Connect, reading its mailbox at the
 * sandbox's operator by IMAP through Pro Santé Connect, on a journal of its own. Its inbound ledger hands a
 * Message-ID over once, whatever copies an SMTP resend left at the operator.
 */
public final class RecipientInbox {

    private RecipientInbox() {
    }

    /** Reads the whole mailbox, batch after batch, and returns the Message-IDs handed over, in order (repeats kept). */
    public static List<String> readAll(Sandbox sandbox, Path directory) throws IOException {
        Files.createDirectories(directory);
        MssanteOperatorSimulator operator = sandbox.simulator(MssanteOperatorSimulator.class);
        Path token = Files.writeString(directory.resolve("recipient.token"),
                operator.directory().issueToken(MssanteOperatorSimulator.HOSPITAL_DOCTOR, Duration.ofHours(2)));
        Map<String, String> recipient = new HashMap<>();
        recipient.put("dui.mssante.url", "smtp://127.0.0.1:" + operator.smtpPscPort());
        recipient.put("dui.mssante.option.imap.url", "imap://127.0.0.1:" + operator.imapPscPort());
        recipient.put("dui.mssante.option.mailbox", MssanteOperatorSimulator.HOSPITAL_DOCTOR);
        recipient.put("dui.mssante.option.mailbox.kind", "personal");
        recipient.put("dui.mssante.option.mailbox.given-name", "Jean");
        recipient.put("dui.mssante.option.mailbox.family-name", "DUPONT");
        recipient.put("dui.mssante.option.auth.token.file", token.toString());
        recipient.put("dui.mssante.option.smime.keystore",
                sandbox.pki().directory().resolve("smime-" + MssanteOperatorSimulator.HOSPITAL_DOCTOR.replace('@', '_') + ".p12").toString());
        recipient.put("dui.mssante.tls.keystore", null);
        recipient.put("dui.journal.dir", directory.resolve("journal").toString());
        // The check reads thousands of messages once the run is over: the simulator's mailbox (GreenMail) answers a
        // SEARCH over 4,000 messages slower than the run's 2 s + 8 s deadlines allow (CORE-TIMEOUT ended a 10,000 run).
        recipient.put("dui.mssante.timeout.connect", "PT10S");
        recipient.put("dui.mssante.timeout.read", "PT5M");
        recipient.put("dui.journal.lease", "PT11M");   // longer than two such exchanges (the configuration's rule); it sends nothing
        List<String> handedOver = new ArrayList<>();
        try (DuiConnector inbox = DuiConnector.builder().config(sandbox.connectorConfigWith(recipient)).dispatching(false).build()) {
            while (true) {
                List<String> ids = inbox.mssante().fetchInbox().messages().stream().map(InboundMail::messageId).toList();
                if (ids.isEmpty()) {
                    return handedOver;
                }
                handedOver.addAll(ids);
            }
        }
    }
}
