package fr.duiconnect.cli;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpPatientStatus;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.eparcours.PullResult;
import fr.duiconnect.core.eparcours.ReceivedNote;
import fr.duiconnect.core.eprescription.PrescriptionImport;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.mssante.InboxBatch;
import fr.duiconnect.core.mssante.MailDocument;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.ins.rniv.HighTrustDocument;
import fr.duiconnect.ins.rniv.RnivStateMachine;
import fr.duiconnect.core.eprescription.PrescriptionLine;
import fr.duiconnect.core.indicators.ActivityCounts;
import fr.duiconnect.core.indicators.MonthlyIndicators;
import fr.duiconnect.core.indicators.Targets;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.directory.Recipient;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.harness.dmp.SampleResident;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.cli.report.IndicatorsReport;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.harness.sandbox.SandboxSimulator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code dui-connect demo}: the whole story on the embedded sandbox, step by step, for one EHPAD resident. A step
 * whose service module is not in this build says so rather than pretending.
 */
@Command(name = "demo", description = "Run the whole story on the embedded sandbox, with progress shown.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory (default: a temporary one).")
    Path directory;

    /** The resident of the story: a person the sandbox's simulators all know. */
    private static final InsPersona RESIDENT = InsPersona.ALL.get(1);

    private final List<String> summary = new ArrayList<>();
    private int step;

    @Override
    public Integer call() throws Exception {
        Path dir = directory != null ? directory : Files.createTempDirectory("dui-demo-");
        System.out.println("DUI Connect demo — résident " + RESIDENT.birthName() + " " + RESIDENT.firstNames().get(0)
                + ", EHPAD FINESS " + Sandbox.TEST_FINESS);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Sandbox sandbox = Sandbox.start(dir, Set.of(), false);
             DuiConnector connector = DuiConnector.builder().config(sandbox.connectorConfig()).meterRegistry(meters).sharedResources(sandbox.sharedResources()).build()) {
            progress("sandbox started on loopback (test PKI, configuration " + sandbox.propertiesFile() + ")");
            for (SandboxSimulator simulator : sandbox.simulators()) {
                System.out.printf("      %-14s %s%n", simulator.socle().key(), simulator.describe());
            }
            progress("connector started; services: " + connector.availableServices());
            PersonIdentity resident = RESIDENT.identity();
            if (available(connector, ServiceSocle.INS)) {
                resident = qualify(connector);
            }
            byte[] dlu = null;
            if (available(connector, ServiceSocle.DMP)) {
                dlu = dluFor(connector, resident);
                depositInDmp(connector, resident, dlu);
            }
            if (dlu != null && available(connector, ServiceSocle.MSSANTE)) {
                sendToTheTreatingGp(connector, resident, dlu);
            }
            if (available(connector, ServiceSocle.EPRESCRIPTION)) {
                importPrescription(connector, resident);
            }
            if (available(connector, ServiceSocle.EPARCOURS)) {
                cahierDeLiaison(connector, resident);
            }
            indicators(connector);
            meters(meters);
            System.out.println();
            System.out.println("Summary");
            summary.forEach(line -> System.out.println("  - " + line));
        }
        return 0;
    }

    private boolean available(DuiConnector connector, ServiceSocle socle) {
        if (connector.availableServices().contains(socle)) {
            return true;
        }
        progress(socle.key() + ": no module provides this service in this build (" + socle.artifactId() + ") — step skipped");
        summary.add(socle.key() + ": not in this build");
        return false;
    }

    /**
     * The resident's DLU (dossier de liaison d'urgence), written by the connector from the DUI's record of the resident,
     * its médecin traitant checked against the Annuaire Santé when the directory is in this build.
     */
    private byte[] dluFor(DuiConnector connector, PersonIdentity resident) {
        ResidentRecord record = SampleResident.forPerson(resident);
        boolean directory = connector.availableServices().contains(ServiceSocle.ANNUAIRE);
        GeneratedCda dlu = directory ? connector.dmp().writeDlu(record, null, connector.directory()) : connector.dmp().writeDlu(record, null);
        progress("DMP: DLU written from the resident's record (volet DLU-EHPAD 2022.01, " + dlu.xml().length / 1024
                + " KiB, uniqueId " + dlu.uniqueId() + "), pre-checks passed");
        if (directory) {
            progress("Annuaire Santé: médecin traitant RPPS " + record.attendingPhysician().professional().id() + " checked against the directory, "
                    + (dlu.directoryDifferences().isEmpty() ? "no difference" : dlu.directoryDifferences().size() + " difference(s), the DUI's values kept:"));
            dlu.directoryDifferences().forEach(d -> System.out.println("      " + d.field() + ": DUI " + d.dui() + ", directory " + d.directory()));
        }
        return dlu.xml();
    }

    /** TD0.2 (the resident has an open DMP), then the deposit (ITI-41), journaled and awaited to its outcome. */
    private void depositInDmp(DuiConnector connector, PersonIdentity resident, byte[] dlu) {
        DmpPatientStatus dmp = connector.dmp().testExistence(resident);
        progress("DMP: TD0.2 test d'existence → " + dmp.state());
        OperationReceipt receipt = connector.dmp().deposit(DmpDeposit.of(dlu, resident, NonOpposition.recorded(Instant.now(), "IDEC")));
        progress("DMP: DLU journaled (" + receipt.operationId() + "), depositing (ITI-41, VIHF, XAdES-signed submission set)");
        OperationStatus status = connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
        progress("DMP: " + status.state() + " after " + status.attempts() + " attempt(s) — uniqueId " + status.remoteReferenceIfAny().orElse("?")
                + (status.lastErrorCode() == null ? "" : " (" + status.lastErrorCode() + " " + status.lastError() + ")"));
        summary.add("DMP: DLU " + status.state() + " " + status.remoteReferenceIfAny().orElse(""));
    }

    /**
     * The same DLU to the résident's médecin traitant by MSSanté (IHE XDM), then its delivery and read receipts. The DUI
     * knows the doctor by RPPS: the personal mailbox comes from the Annuaire Santé (the operator's address otherwise).
     */
    private void sendToTheTreatingGp(DuiConnector connector, PersonIdentity resident, byte[] dlu) {
        DocumentMetadata metadata = connector.dmp().metadataOf(dlu);
        MssanteMessage.Builder builder = MssanteMessage.builder().person(resident)
                .label("DOSSIER DE LIAISON D'URGENCE").body("Bonjour Docteur,\r\nveuillez trouver ci-joint le DLU de votre patient, résident de l'EHPAD.")
                .document(MailDocument.of(dlu, metadata));
        String address;
        if (available(connector, ServiceSocle.ANNUAIRE)) {
            String rpps = SampleResident.load().attendingPhysician().professional().id();
            address = Recipient.byRpps(rpps).address(connector.directory());
            progress("Annuaire Santé: médecin traitant found by RPPS " + rpps + " → personal (PER) mailbox " + address);
            summary.add("Annuaire Santé: médecin traitant RPPS " + rpps + " → " + address);
        } else {
            address = MssanteOperatorSimulator.TREATING_GP;
        }
        OperationReceipt receipt = connector.mssante().send(builder.to(address).build());
        progress("MSSanté: DLU journaled (" + receipt.operationId() + "), sending to the médecin traitant " + address);
        OperationStatus sent = connector.operations().await(receipt.operationId(), Duration.ofSeconds(30));
        progress("MSSanté: " + sent.state() + " — Message-ID " + sent.remoteReferenceIfAny().orElse("?"));
        InboxBatch inbox = connector.mssante().fetchInbox();
        OperationStatus settled = connector.operations().status(receipt.operationId());
        progress("MSSanté: " + inbox.receipts().size() + " receipt(s) read by IMAP → " + settled.state());
        summary.add("MSSanté: DLU to the médecin traitant " + settled.state());
    }

    /** The resident arrives with a provisional identity: INSi retrieval, then a check of the identity card. */
    private PersonIdentity qualify(DuiConnector connector) {
        PersonIdentity arriving = PersonIdentity.provisional(RESIDENT.localId(), RESIDENT.identity().traits());
        InsSearchResult search = connector.ins().search(InsSearchRequest.of(arriving, Sandbox.TEST_FINESS));
        progress("INS: INSi answered " + search.code().code() + " (" + search.code().label() + ") after " + search.calls()
                + " call(s); matricule " + search.insIfFound().map(Ins::matricule).orElse("-") + " → status " + search.resultingStatus());
        if (!search.found() || !search.traitDifferences().isEmpty()) {
            throw new IllegalStateException("the demo resident was not found by the simulated INSi");
        }
        PersonIdentity recovered = RnivStateMachine.afterInsiMatch(arriving, search.ins());
        PersonIdentity qualified = RnivStateMachine.afterDocumentCheck(recovered, HighTrustDocument.CN);
        progress("INS: identity card checked → " + qualified.status() + " (" + qualified.status().label() + ")");
        summary.add("INS: " + qualified.status() + " " + qualified.ins().matricule());
        return qualified;
    }

    private void cahierDeLiaison(DuiConnector connector, PersonIdentity resident) {
        OperationReceipt posted = connector.eparcours().post(NoteDraft.of(resident, NoteType.OBS,
                "Chute sans gravité ce matin dans le couloir ; surveillance renforcée 48 h."));
        OperationStatus status = connector.operations().await(posted.operationId(), Duration.ofSeconds(30));
        progress("e-parcours: note OBS posted, " + status.state() + " " + status.remoteReferenceIfAny().orElse(""));
        PullResult pulled = connector.eparcours().pull(resident);
        progress("e-parcours: " + pulled.notes().size() + " note(s) pulled from the other participants");
        for (ReceivedNote note : pulled.notes()) {
            System.out.println("      " + note.type() + " by " + note.authorName() + ": " + note.text());
        }
        summary.add("e-parcours: 1 note " + status.state() + ", " + pulled.notes().size() + " pulled");
    }

    private void importPrescription(DuiConnector connector, PersonIdentity resident) {
        String number = "SIM7000002";
        PrescriptionImport first = connector.eprescription().importPrescription(number, resident);
        progress("e-prescription " + number + ": " + first.outcome() + ", " + first.prescription().lines().size() + " line(s)");
        for (PrescriptionLine line : first.prescription().lines()) {
            System.out.println("      " + line.medication().display() + " (" + line.medication().system() + " " + line.medication().code() + ") — " + line.dosageText());
        }
        PrescriptionImport again = connector.eprescription().importPrescription(number, resident);
        progress("e-prescription " + number + " imported again: " + again.outcome() + " (idempotent)");
        summary.add("e-prescription: " + number + " " + first.outcome() + ", then " + again.outcome());
    }

    /** What an operator's dashboard would show: the connector's Micrometer meters, per service and kind. */
    private void meters(MeterRegistry meters) {
        progress("meters (Micrometer, as an operator's registry receives them):");
        meters.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("dui."))
                .sorted(Comparator.comparing((Meter meter) -> meter.getId().getName()).thenComparing(meter -> meter.getId().getTags().toString()))
                .forEach(meter -> System.out.printf("      %-28s %-40s %s%n", meter.getId().getName(),
                        meter.getId().getTags().stream().map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(" ")),
                        value(meter)));
    }

    private static String value(Meter meter) {
        if (meter instanceof Timer timer) {
            return String.format(Locale.ROOT, "%d, mean %.0f ms", timer.count(), timer.mean(TimeUnit.MILLISECONDS));
        }
        if (meter instanceof Counter counter) {
            return String.format(Locale.ROOT, "%.0f", counter.count());
        }
        if (meter instanceof Gauge gauge) {
            return String.format(Locale.ROOT, "%.0f", gauge.value());
        }
        return "";
    }

    private void indicators(DuiConnector connector) {
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Paris"));
        connector.indicators().recordActivity(Sandbox.TEST_FINESS, month, new ActivityCounts(1, 1, 1, 1));
        MonthlyIndicators indicators = connector.indicators().compute(Sandbox.TEST_FINESS, month, Targets.ESMS_NUMERIQUE);
        progress("usage indicators of " + month + " for FINESS " + Sandbox.TEST_FINESS + ":");
        summary.add("indicators: " + indicators.documentsDeposited() + " DMP document(s) deposited, " + indicators.mssanteMessagesSent()
                + " MSSanté message(s), " + indicators.eprescriptionsImported() + " e-prescription(s), " + indicators.eparcoursExchanges()
                + " cahier de liaison exchange(s)");
        System.out.print(IndicatorsReport.json(List.of(indicators)).indent(6));
    }

    private void progress(String text) {
        System.out.printf("[%d] %s%n", ++step, text);
    }
}
