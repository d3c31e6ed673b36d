package fr.duiconnect.cli;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpSearch;
import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.RetrievedDocument;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dui-connect dmp deposit | search | retrieve}: the DMP exchanges against the sandbox or configured endpoints. */
final class DmpExchangeCommands {

    private DmpExchangeCommands() {
    }

    @Command(name = "deposit", mixinStandardHelpOptions = true,
            description = "Check, journal and deposit a CDA document in the person's DMP (TD0.2 then ITI-41 with VIHF and signed submission set).")
    static final class Deposit implements Callable<Integer> {

        @Mixin SandboxOptions target;
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "CDA.xml") Path document;

        @Option(names = "--ins", required = true, paramLabel = "MATRICULE", description = "Matricule INS of the person; must be the CDA recordTarget's.")
        String ins;

        @Option(names = "--non-opposition-recorded-by", required = true, paramLabel = "WHO",
                description = "Who recorded the person's non-opposition to feeding the DMP (required before any deposit).")
        String recordedBy;

        @Option(names = "--replaces", paramLabel = "UNIQUE_ID", description = "Replace this earlier document (the CDA carries relatedDocument RPLC).")
        String replaces;

        @Option(names = "--wait", defaultValue = "PT60S", description = "How long to wait for the DMP's answer (default: ${DEFAULT-VALUE}).")
        Duration wait;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            byte[] cda = Files.readAllBytes(document);
            PersonIdentity person = CdaDocument.parse(cda).person(ins, IdentityStatus.QUAL);
            // Every input checked before the connector starts: a refusal then stops nothing half-started.
            NonOpposition nonOpposition = NonOpposition.recorded(Instant.now(), recordedBy);
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.DMP))) {
                DmpDeposit deposit = DmpDeposit.of(cda, person, nonOpposition);
                OperationReceipt receipt = replaces == null ? session.connector().dmp().deposit(deposit)
                        : session.connector().dmp().replace(deposit, replaces);
                out.println("journaled: operation " + receipt.operationId() + " (" + receipt.kind() + ")");
                OperationStatus status = session.connector().operations().awaitFinal(receipt.operationId(), wait);
                out.println("DMP: " + status.state() + (status.remoteReference() == null ? "" : ", uniqueId " + status.remoteReference())
                        + (status.lastError() == null ? "" : " — " + status.lastErrorCode() + " " + status.lastError()));
                return status.state() == fr.duiconnect.core.operation.OperationState.ACKED ? 0 : DuiConnectCommand.EXIT_SERVICE;
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "List the person's documents in the DMP (TD3.1 / ITI-18 FindDocuments).")
    static final class Search implements Callable<Integer> {

        @Mixin SandboxOptions target;
        @Mixin PersonOptions person;
        @Spec CommandSpec spec;

        @Option(names = "--all-statuses", description = "Also deprecated, archived and deleted entries.")
        boolean allStatuses;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.DMP))) {
                PersonIdentity identity = person.identity(session.sandbox() != null);
                DmpSearch search = DmpSearch.approvedDocumentsOf(identity);
                if (allStatuses) {
                    search = search.withStatuses(EnumSet.allOf(DocumentAvailability.class));
                }
                var entries = session.connector().dmp().search(search);
                out.println(entries.size() + " document(s)");
                for (DmpDocumentEntry entry : entries) {
                    out.println("- " + entry.uniqueId() + "  " + entry.typeCode().code() + " " + entry.title() + "  " + entry.status()
                            + "  " + entry.creationTime() + "  FINESS " + entry.authorInstitution() + "  " + entry.size() + " bytes");
                }
                return 0;
            }
        }
    }

    @Command(name = "retrieve", mixinStandardHelpOptions = true, description = "Fetch one document from the DMP (TD3.2 / ITI-43).")
    static final class Retrieve implements Callable<Integer> {

        @Mixin SandboxOptions target;
        @Mixin PersonOptions person;
        @Spec CommandSpec spec;

        @Option(names = "--unique-id", required = true, paramLabel = "OID") String uniqueId;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write the document (default: print its size only).")
        Path output;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.DMP))) {
                RetrievedDocument document = session.connector().dmp().retrieve(person.identity(session.sandbox() != null), uniqueId);
                if (output != null) {
                    Files.write(output, document.content());
                }
                out.println(uniqueId + ": " + document.mimeType() + ", " + document.size() + " bytes" + (output == null ? "" : " written to " + output));
                return 0;
            }
        }
    }
}
