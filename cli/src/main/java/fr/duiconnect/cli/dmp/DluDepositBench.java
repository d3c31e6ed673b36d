package fr.duiconnect.cli.dmp;

import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.dmp.SampleResident;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code dui-connect bench dlu-deposit}: one DLU checked, journaled and deposited end to end against the DMP
 * simulator (TD0.2, VIHF signed, submission set signed, ITI-41 over MTOM, registry checks), until acknowledged.
 * The DLU is the sample resident's, written anew (new uniqueId) for each deposit by the connector's own writer before
 * the timing, as {@code dlu-deposit-bare} writes its own: both time the deposit of a written DLU (writing one is
 * {@code bench dlu-write}).
 */
public final class DluDepositBench implements BenchScenario {

    private static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "bench");

    private DuiConnector connector;
    private ResidentRecord resident;
    private DmpSimulator simulator;
    private java.util.Deque<GeneratedCda> written;

    @Override public String name() { return "dlu-deposit"; }

    @Override public String description() { return "deposit a DLU in the simulated DMP and wait until the registry acknowledged it"; }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.DMP); }

    @Override
    public void setUp(DuiConnector value, Sandbox sandbox) {
        this.connector = value;
        this.resident = SampleResident.load();
        this.simulator = sandbox == null ? null : sandbox.simulator(DmpSimulator.class);   // null in a process of --processes
    }

    @Override
    public void prepare(int operations) {
        written = new java.util.concurrent.ConcurrentLinkedDeque<>();
        for (int i = 0; i < operations; i++) {
            written.add(connector.dmp().writeDlu(resident, null));
        }
    }

    /** The DMP simulator validates each CDA with the ANS kit (schema, volet, structuration minimale, body profiles). */
    @Override
    public String notes() {
        return notes(simulator);
    }

    /**
     * Nothing in a client JVM ({@code --processes}, {@code --client-jvm}): the simulator's figures are its own
     * process's. A DMP simulator always validates with the kit (it does not start without one).
     */
    static String notes(DmpSimulator simulator) {
        return simulator == null ? "" : String.format(java.util.Locale.ROOT, "DMP simulator CDA validation: %d documents, %.1f ms per deposit (mean)",
                simulator.contentValidations(), simulator.meanContentValidationMillis());
    }

    @Override
    public void run(int index) {
        GeneratedCda document = written.poll();
        if (document == null) {
            document = connector.dmp().writeDlu(resident, null);   // more operations than prepared
        }
        OperationReceipt receipt = connector.dmp().deposit(DmpDeposit.of(document.xml(), resident.person(), RECORDED));
        var status = connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
        if (status.state() != OperationState.ACKED) {
            throw new IllegalStateException("DLU not registered: " + status.lastErrorCode() + " " + status.lastError());
        }
    }

    @Override
    public String simulatorNotes(Sandbox sandbox) {
        return DluDepositBench.notes(sandbox.simulator(fr.duiconnect.harness.dmp.DmpSimulator.class));
    }
}
