package fr.duiconnect.cli.dmp;

import fr.duiconnect.cli.bench.BenchResult;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.PreviousVersion;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.error.ContentRefusedException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.harness.dmp.GeneratedResidents;
import fr.duiconnect.harness.fhir.SharedConformance;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code dui-connect bench dlu-refresh --residents N}: a nightly DLU refresh: for each generated resident (seeded
 * {@link GeneratedResidents}: varied records, and the mistakes a DUI makes), the DLU written and deposited until the
 * registry acknowledged it — a replacement (ITI-18 lookup, RPLC) for the half of them whose DLU of the previous
 * night was deposited before the timing. Refusals by the pre-checks are counted, not failures. Prints the time
 * projected for 120,000 residents at the measured pace.
 */
public final class DluRefreshBench implements BenchScenario {

    /** The seeds' DUI editor: 4,500 establishments, 120,000 records. */
    static final int SEED_RESIDENTS = 120_000;
    private static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "bench");
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final long seed;
    private final Map<Integer, PreviousVersion> lastNight = new ConcurrentHashMap<>();
    private final AtomicInteger deposits = new AtomicInteger();
    private final AtomicInteger replacements = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private DuiConnector connector;
    private List<ResidentRecord> residents;
    private int generationRefusals;
    private volatile String firstRefusal;

    public DluRefreshBench() {
        this(16);
    }

    /** Another seed per process when several share the work ({@code --processes}). */
    public DluRefreshBench(long seed) {
        this.seed = seed;
    }

    @Override public String name() { return "dlu-refresh"; }

    /** Each process its own residents. */
    @Override
    public BenchScenario forProcess(int index) {
        return new DluRefreshBench(seed + index);
    }

    @Override public String description() {
        return "nightly refresh: write and deposit (or replace) one DLU per generated resident (--residents N); projects 120,000 residents";
    }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.DMP); }

    /**
     * The kit's value sets, as a DUI editor configures them: generated establishments carry codes without display
     * names, which the writer completes from the kit (without it, the structuration minimale refuses them).
     */
    @Override
    public Map<String, String> connectorProperties() {
        java.nio.file.Path kit = SharedConformance.directory().resolve("conformance/ans-cda-kit");
        return java.nio.file.Files.isDirectory(kit) ? Map.of("dui.dmp.option.kit", kit.toString()) : Map.of();
    }

    @Override
    public void setUp(DuiConnector value, Sandbox sandbox) {
        connector = value;
    }

    /** Generates the residents, and deposits last night's DLU of every other one (not timed). */
    @Override
    public void prepare(int operations) {
        GeneratedResidents generator = new GeneratedResidents(seed, Sandbox.TEST_FINESS);
        residents = new ArrayList<>(operations);
        while (residents.size() < operations) {
            try {
                residents.add(generator.resident());
            } catch (RuntimeException refusedByTheModel) {
                generationRefusals++;   // a DUI mistake the record's own constructor refuses
            }
        }
        for (int i = 0; i < operations; i += 2) {
            refresh(i);
        }
        deposits.set(0);
        replacements.set(0);
        refused.set(0);
    }

    /** Each call the next resident, warm-up included (the prepared list holds one per call). */
    @Override
    public void run(int index) {
        refresh(next.getAndIncrement());
    }

    private void refresh(int slot) {
        ResidentRecord resident = residents.get(slot);
        PreviousVersion previous = lastNight.get(slot);
        GeneratedCda dlu;
        OperationReceipt receipt;
        try {
            dlu = connector.dmp().writeDlu(resident, previous);
            DmpDeposit deposit = DmpDeposit.of(dlu.xml(), resident.person(), RECORDED);
            receipt = previous == null ? connector.dmp().deposit(deposit) : connector.dmp().replace(deposit, previous.uniqueId());
        } catch (InvalidInputException | ContentRefusedException | IdentityRefusedException refusal) {
            if (refused.incrementAndGet() == 1) {
                firstRefusal = refusal.getMessage();
            }
            return;
        }
        var status = connector.operations().awaitFinal(receipt.operationId(), SETTLE);
        if (status.state() != OperationState.ACKED) {
            throw new IllegalStateException("DLU not registered: " + status.lastErrorCode() + " " + status.lastError());
        }
        (previous == null ? deposits : replacements).incrementAndGet();
        lastNight.put(slot, dlu.asPrevious());
    }

    @Override
    public String notes(BenchResult result) {
        double seconds = SEED_RESIDENTS / result.throughput();
        return String.format(Locale.ROOT, "dlu-refresh: %d residents: %d first deposits, %d replacements, %d refused by the pre-checks "
                        + "(+%d records refused when generated) — projected %,d residents: %.0f min at %.1f residents/s on %d thread(s)",
                result.operations(), deposits.get(), replacements.get(), refused.get(), generationRefusals, SEED_RESIDENTS,
                seconds / 60, result.throughput(), result.threads()) + (firstRefusal == null ? "" : "; first refusal: " + firstRefusal);
    }

    @Override
    public String simulatorNotes(Sandbox sandbox) {
        return DluDepositBench.notes(sandbox.simulator(fr.duiconnect.harness.dmp.DmpSimulator.class));
    }
}
