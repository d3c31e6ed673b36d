package fr.duiconnect.harness.cli;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eprescription.PrescriptionImport;
import fr.duiconnect.core.eprescription.PrescriptionLine;
import fr.duiconnect.core.indicators.ActivityCounts;
import fr.duiconnect.core.indicators.MonthlyIndicators;
import fr.duiconnect.core.indicators.Targets;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.mssante.BenchMessages;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.report.IndicatorsReport;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.harness.sandbox.SandboxSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

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
        try (Sandbox sandbox = Sandbox.start(dir, Set.of(), false);
             DuiConnector connector = DuiConnector.builder().config(sandbox.connectorConfig()).build()) {
            progress("sandbox started on loopback (test PKI, configuration " + sandbox.propertiesFile() + ")");
            for (SandboxSimulator simulator : sandbox.simulators()) {
                System.out.printf("      %-14s %s%n", simulator.socle().key(), simulator.describe());
            }
            progress("connector started; services: " + connector.availableServices());
            if (available(connector, ServiceSocle.MSSANTE)) {
                sendByMssante(connector);
            }
            if (available(connector, ServiceSocle.EPRESCRIPTION)) {
                importPrescription(connector);
            }
            indicators(connector);
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
        progress(socle.key() + ": module " + socle.artifactId() + " not in this build — step skipped");
        summary.add(socle.key() + ": not in this build");
        return false;
    }

    private void sendByMssante(DuiConnector connector) {
        OperationReceipt receipt = connector.mssante().send(BenchMessages.message(1, Sandbox.TEST_FINESS, BenchMessages.pdf()));
        progress("MSSanté: message journaled (" + receipt.operationId() + "), sending to " + MssanteOperatorSimulator.HOSPITAL_DOCTOR);
        OperationStatus status = connector.operations().await(receipt.operationId(), Duration.ofSeconds(30));
        progress("MSSanté: " + status.state() + " — Message-ID " + status.remoteReferenceIfAny().orElse("?"));
        summary.add("MSSanté: 1 message " + status.state());
    }

    private void importPrescription(DuiConnector connector) {
        String number = "SIM7000002";
        PrescriptionImport first = connector.eprescription().importPrescription(number, RESIDENT.identity());
        progress("e-prescription " + number + ": " + first.outcome() + ", " + first.prescription().lines().size() + " line(s)");
        for (PrescriptionLine line : first.prescription().lines()) {
            System.out.println("      " + line.medication().display() + " (" + line.medication().system() + " " + line.medication().code() + ") — " + line.dosageText());
        }
        PrescriptionImport again = connector.eprescription().importPrescription(number, RESIDENT.identity());
        progress("e-prescription " + number + " imported again: " + again.outcome() + " (idempotent)");
        summary.add("e-prescription: " + number + " " + first.outcome() + ", then " + again.outcome());
    }

    private void indicators(DuiConnector connector) {
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Paris"));
        connector.indicators().recordActivity(Sandbox.TEST_FINESS, month, new ActivityCounts(1, 1, 1, 1));
        MonthlyIndicators indicators = connector.indicators().compute(Sandbox.TEST_FINESS, month, Targets.ESMS_NUMERIQUE);
        progress("usage indicators of " + month + " for FINESS " + Sandbox.TEST_FINESS + ":");
        System.out.print(IndicatorsReport.json(List.of(indicators)).indent(6));
    }

    private void progress(String text) {
        System.out.printf("[%d] %s%n", ++step, text);
    }
}
