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

    /** Messages put back into the operator's mailbox per round of reading (see {@link MssanteOperatorSimulator#takeAll}). */
    static final int ROUND = 250;

    /**
     * Reads the whole mailbox and returns the Message-IDs handed over, in order (repeats kept). The operator's
     * messages are taken out and put back {@value #ROUND} at a time, each round read batch after batch until the
     * inbox is empty: the simulator's store would spend minutes per IMAP command on thousands. The recipient's
     * inbound ledger spans the rounds (one journal), so a copy put back in a later round than its first is still a
     * repeat it must not hand over again.
     */
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
        List<byte[]> held = operator.takeAll(MssanteOperatorSimulator.HOSPITAL_DOCTOR);
        List<String> handedOver = new ArrayList<>();
        try (DuiConnector inbox = DuiConnector.builder().config(sandbox.connectorConfigWith(recipient)).dispatching(false).build()) {
            for (int from = 0; from < held.size(); from += ROUND) {
                held.subList(from, Math.min(from + ROUND, held.size()))
                        .forEach(raw -> operator.inject(MssanteOperatorSimulator.HOSPITAL_DOCTOR, raw));
                while (true) {
                    List<String> ids = inbox.mssante().fetchInbox().messages().stream().map(InboundMail::messageId).toList();
                    if (ids.isEmpty()) {
                        break;
                    }
                    handedOver.addAll(ids);
                }
                operator.empty(MssanteOperatorSimulator.HOSPITAL_DOCTOR);
            }
        }
        return handedOver;
    }
}
