package fr.duiconnect.cli;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.core.mssante.InboundDocument;
import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.core.mssante.InboxBatch;
import fr.duiconnect.core.mssante.MailDocument;
import fr.duiconnect.core.mssante.MssanteClient;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.mssante.PreparedMail;
import fr.duiconnect.core.mssante.ReceiptNotice;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.xds.DocumentMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dui-connect mssante send|inbox}: secure health mail through the connector. */
@Command(name = "mssante", mixinStandardHelpOptions = true, description = "MSSanté: send a CDA document in an IHE_XDM archive, read the mailbox.",
        subcommands = {MssanteCommand.Send.class, MssanteCommand.Inbox.class})
final class MssanteCommand {

    @Command(name = "send", mixinStandardHelpOptions = true, description = "Compose (XDM, MSSanté headers, S/MIME per configuration), journal and submit a message; show its receipts.")
    static final class Send implements Callable<Integer> {

        @Mixin
        SandboxOptions target;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--to", split = ",", paramLabel = "ADDRESS", description = "Recipient MSSanté address(es).")
        List<String> to;

        @Option(names = "--to-rpps", split = ",", paramLabel = "RPPS",
                description = "Recipient professional(s) by RPPS: their personal mailbox from the Annuaire Santé.")
        List<String> toRpps;

        @Option(names = "--ins", required = true, paramLabel = "MATRICULE", description = "Matricule INS (15 characters) of the person; must be the CDA recordTarget's.")
        String ins;

        @Option(names = "--attach", required = true, paramLabel = "CDA.xml", description = "The CDA R2 document to send in IHE_XDM.ZIP.")
        Path attach;

        @Option(names = "--pdf", paramLabel = "FILE.pdf", description = "The same document as PDF/A-1 (ECO.2.1.1).")
        Path pdf;

        @Option(names = "--status", defaultValue = "QUAL", description = "RNIV status of the identity in the DUI (default: ${DEFAULT-VALUE}); only QUAL may carry the INS.")
        IdentityStatus status;

        @Option(names = "--label", description = "Libellé of the subject (default: the CDA title).")
        String label;

        @Option(names = "--body", defaultValue = "Bonjour,\r\nveuillez trouver ci-joint le document.", description = "Text of the message.")
        String body;

        @Option(names = "--to-patient", description = "Also write to the person's Mon espace santé address (qualified INS only).")
        boolean toPatient;

        @Option(names = "--save-eml", paramLabel = "out.eml", description = "Write the exact message submitted (the SMTP source).")
        Path saveEml;

        @Option(names = "--wait", defaultValue = "PT30S", description = "How long to wait for the submission (default: ${DEFAULT-VALUE}).")
        Duration wait;

        @Override
        public Integer call() throws Exception {
            java.io.PrintWriter out = spec.commandLine().getOut();
            byte[] cda = Files.readAllBytes(attach);
            CdaDocument document = CdaDocument.parse(cda);
            try (SandboxOptions.ConnectorSession session = target.open(toRpps == null ? Set.of(ServiceSocle.MSSANTE)
                    : Set.of(ServiceSocle.MSSANTE, ServiceSocle.ANNUAIRE))) {
                PersonIdentity person = document.person(ins, status);
                List<String> recipients = new java.util.ArrayList<>(to == null ? List.of() : to);
                for (String rpps : toRpps == null ? List.<String>of() : toRpps) {
                    recipients.add(fr.duiconnect.core.directory.Recipient.byRpps(rpps).address(session.connector().directory()));
                }
                String finess = session.connector().config().endpoint(ServiceSocle.MSSANTE).option("finess").orElse("750000010");
                Structure structure = new Structure(Finess.of(finess), null, "ESMS " + finess,
                        Code.of("SA17", "1.2.250.1.71.4.2.4", "Etablissement d'hébergement pour personnes âgées dépendantes"),
                        Code.of("ESSMS", "1.2.250.1.213.1.1.4.9", "Etablissement social et médico-social"));
                DocumentMetadata metadata = document.metadata(person.ins(), structure,
                        Code.of("11", "1.2.250.1.213.1.1.4.1", "Synthèse"),
                        Code.of("urn:ihe:iti:xds-sd:text:2008", "1.3.6.1.4.1.19376.1.2.3", "Document à corps non structuré"));
                MailDocument mailDocument = MailDocument.of(cda, metadata);
                if (pdf != null) {
                    mailDocument = mailDocument.withPdf(readPdf(pdf), null);
                }
                MssanteMessage message = MssanteMessage.builder().to(recipients).toPatient(toPatient).person(person)
                        .label(label != null ? label : metadata.title()).body(body).document(mailDocument).build();
                MssanteClient mssante = session.connector().mssante();
                PreparedMail prepared = mssante.prepare(message);
                if (saveEml != null) {
                    Files.write(saveEml, prepared.rfc822());
                    out.println("source written to " + saveEml);
                }
                OperationReceipt receipt = mssante.send(prepared);
                out.println("journaled: operation " + receipt.operationId() + ", Message-ID " + prepared.messageId());
                OperationStatus status = session.connector().operations().await(receipt.operationId(), wait);
                out.println("submission: " + status.state() + (status.lastError() == null ? "" : " — " + status.lastError()));
                if (status.state() != fr.duiconnect.core.operation.OperationState.SENT) {
                    return DuiConnectCommand.EXIT_SERVICE;
                }
                InboxBatch batch = mssante.fetchInbox();
                for (ReceiptNotice notice : batch.receipts()) {
                    if (prepared.messageId().equals(notice.originalMessageId())) {
                        out.println("receipt: " + notice.kind() + " from " + notice.recipient() + " — "
                                + (notice.success() ? "OK" : "FAILED") + " " + notice.status() + " " + notice.detail());
                    }
                }
                OperationStatus settled = session.connector().operations().status(receipt.operationId());
                out.println("journal state: " + settled.state() + (settled.lastError() == null ? "" : " — " + settled.lastError()));
                return 0;
            }
        }
    }

    @Command(name = "inbox", mixinStandardHelpOptions = true, description = "Read the mailbox: new messages (sender, person, documents) and receipts of sent messages.")
    static final class Inbox implements Callable<Integer> {

        @Mixin
        SandboxOptions target;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            java.io.PrintWriter out = spec.commandLine().getOut();
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.MSSANTE))) {
                InboxBatch batch = session.connector().mssante().fetchInbox();
                out.println(batch.messages().size() + " message(s), " + batch.receipts().size() + " receipt(s), "
                        + batch.rejected().size() + " rejected");
                for (InboundMail mail : batch.messages()) {
                    out.println("- " + mail.messageId() + " from " + mail.from() + (mail.fromPatient() ? " (patient)" : ""));
                    out.println("  subject: " + mail.subject());
                    out.println("  person: " + mail.personIfAny().map(i -> i.kind() + " ***" + i.matricule().substring(11)).orElse("none"));
                    out.println("  S/MIME: " + mail.signature() + (mail.encrypted() ? ", encrypted" : "")
                            + (mail.signer() == null ? "" : ", signer " + mail.signer()));
                    out.println("  read receipt asked: " + (mail.readReceiptRequested() ? "yes" : "no"));
                    for (InboundDocument document : mail.documents()) {
                        out.println("  document: " + document.path() + " " + document.mimeType() + " " + document.content().length + " bytes"
                                + document.metadataIfAny().map(m -> " — " + m.typeCode().code() + " " + m.title()).orElse(""));
                    }
                    for (InboundMail.Attachment attachment : mail.attachments()) {
                        out.println("  attachment: " + attachment.fileName() + " " + attachment.content().length + " bytes");
                    }
                }
                for (ReceiptNotice notice : batch.receipts()) {
                    out.println("- receipt " + notice.kind() + " for " + notice.originalMessageId() + " from " + notice.recipient()
                            + ": " + (notice.success() ? "OK" : "FAILED") + " " + notice.status() + " " + notice.detail());
                }
                for (InboxBatch.Rejected rejected : batch.rejected()) {
                    out.println("- rejected " + rejected.messageId() + ": " + rejected.code() + " " + rejected.reason());
                }
                return 0;
            }
        }
    }

    /** The PDF rendition: a regular file (no link), within 20 MiB checked before reading, starting with %PDF-. */
    static byte[] readPdf(Path file) {
        return fr.duiconnect.core.model.PdfContent.read(file, 20L * 1024 * 1024, "--pdf");
    }
}
