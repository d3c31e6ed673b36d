package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500 mixed operations — 200 MSSanté messages, 150 e-parcours notes, 150 DMP deposits — accepted while every
 * simulator injects faults: every accepted operation ends delivered exactly once (the operator counts by
 * Message-ID, the platform by note identifier, the DMP by document uniqueId) or FAILED with its reason — every 25th
 * deposit is for a person without a DMP, which the DMP refuses (DMP-ABSENT). The run is made once; each rule is a
 * test of its own, per service.
 *
 * <p>Faults, a new one on each service every 20 operations: SMTP 451, 421, connection resets and slow answers on the
 * operator; HTTP 503, 500, connection resets, slow answers and creation answers lost after the note was stored on
 * the platform (the retry finds the note by its identifier and does not post it again); HTTP 503, 500, SOAP faults
 * and resets on the DMP, answers later than the DMP read timeout, and ITI-41 answers lost after the registry
 * registered the document (the retry meets XDSDuplicateUniqueIdInRegistry and reads the entry back: one copy).
 * Only the DMP gets answers later than the timeout: an SMTP server that accepted DATA before the client gave up
 * receives the message again on the retry (the at-least-once window that {@link SigkillNothingLostTest} counts
 * separately), and a platform still storing a note when the retry looks for it would get it twice.
 * The retry policy is shortened (first retry after 50 ms, at most 500 ms apart) so that the run stays short; the
 * number of attempts is the default one.
 */
class MixedOperationsNothingLostTest {

    private static final int MAILS = 200;
    private static final int NOTES = 150;
    private static final int DEPOSITS = 150;
    private static final int FAULT_EVERY = 20;
    /** Every 25th deposit is for a person without a DMP: 6 operations that must end FAILED with their reason. */
    private static final int REFUSED_EVERY = 25;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS, ServiceSocle.DMP);

    private static final Map<String, String> SHORT_RETRIES_AND_TIMEOUTS = Map.of(
            "dui.retry.initial-backoff", "PT0.05S", "dui.retry.max-backoff", "PT0.5S",
            "dui.dmp.timeout.read", "PT8S");
    /** Above the read timeout, which is above what the simulated DMP takes to validate a DLU with the ANS kit (~1 s, loaded CI). */
    private static final Duration LATER_THAN_TIMEOUT = Duration.ofSeconds(9);
    /** Per operation, awaited in order: deposits go one by one, each validated with the ANS kit by the simulated DMP. */
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(300);

    private static final Map<ServiceSocle, List<Fault>> FAULTS = Map.of(
            ServiceSocle.MSSANTE, List.of(Fault.times(FaultKind.SMTP_451, 3), Fault.times(FaultKind.CONNECTION_RESET, 2),
                    Fault.times(FaultKind.SMTP_421, 2), Fault.latency(Duration.ofMillis(300), 2)),
            ServiceSocle.EPARCOURS, List.of(Fault.times(FaultKind.HTTP_503, 3), Fault.times(FaultKind.CONNECTION_RESET, 2),
                    Fault.times(FaultKind.HTTP_500, 2), Fault.latency(Duration.ofMillis(300), 2)),
            ServiceSocle.DMP, List.of(Fault.times(FaultKind.HTTP_503, 3), Fault.times(FaultKind.CONNECTION_RESET, 2),
                    Fault.times(FaultKind.SOAP_FAULT, 2), Fault.latency(LATER_THAN_TIMEOUT, 1), Fault.times(FaultKind.HTTP_500, 2)));

    static List<Settled> settled;
    static List<String> refusedKeys;
    static Map<ServiceSocle, DeliveryTally> tallies = new EnumMap<>(ServiceSocle.class);

    /** The run every rule below is read from: the workload accepted under faults, then each operation awaited. */
    @BeforeAll
    static void acceptUnderFaultsThenSettle() {
        Sandbox sandbox = SANDBOX.sandbox();
        DmpSimulator dmp = sandbox.simulator(DmpSimulator.class);
        EParcoursSimulator platform = sandbox.simulator(EParcoursSimulator.class);
        long started = System.nanoTime();
        try (DuiConnector connector = DuiConnector.builder().config(sandbox.connectorConfigWith(SHORT_RETRIES_AND_TIMEOUTS)).build()) {
            MixedWorkload workload = MixedWorkload.generate(connector, kit(), MAILS, NOTES, DEPOSITS, REFUSED_EVERY);
            refusedKeys = workload.of(ServiceSocle.DMP).stream().filter(o -> MixedWorkload.WITHOUT_DMP.equals(o.detail()))
                    .map(MixedWorkload.Operation::key).toList();
            long prepared = System.nanoTime();
            List<UUID> accepted = new ArrayList<>();
            for (int i = 0; i < workload.operations().size(); i++) {
                if (i % FAULT_EVERY == 0) {
                    int turn = i / FAULT_EVERY;
                    FAULTS.forEach((service, kinds) -> sandbox.faults(service).set(kinds.get(turn % kinds.size())));
                    if (turn % 3 == 1) {
                        dmp.loseDepositAnswers(1);
                        platform.loseCreationAnswers(1);
                    }
                }
                accepted.add(workload.operations().get(i).acceptOn(connector).operationId());
            }
            long acceptedAt = System.nanoTime();
            settled = new ArrayList<>();
            for (int i = 0; i < accepted.size(); i++) {
                settled.add(Settled.of(workload.operations().get(i), connector.operations().await(accepted.get(i), SETTLE_WAIT)));
            }
            System.out.printf("nothing-lost mixed: %d operations, prepared in %.1f s, accepted in %.1f s, all settled %.1f s after "
                            + "the start; DMP: %d answers lost after registration, %d duplicate uniqueIds refused then read back; "
                            + "e-parcours: %d creation answers lost after the note was stored%n",
                    accepted.size(), seconds(started, prepared), seconds(prepared, acceptedAt), seconds(started, System.nanoTime()),
                    dmp.lostAnswers(), dmp.duplicateRefusals(), platform.lostAnswers());
        }
        for (ServiceSocle service : MixedWorkload.SERVICES) {
            tallies.put(service, DeliveryTally.of(sandbox, service, settled, sandbox.faults(service).injectedCount()));
            System.out.println("nothing-lost mixed: " + tallies.get(service).report());
        }
        System.out.printf("nothing-lost mixed: %d faults injected in all%n", tallies.values().stream().mapToLong(DeliveryTally::faults).sum());
    }

    @Test
    void everyOperationIsAcceptedAndSettles() {
        assertThat(settled).hasSize(MAILS + NOTES + DEPOSITS);
        assertThat(settled).as("still pending").noneMatch(s -> s.state() == OperationState.PENDING);
    }

    @ParameterizedTest
    @EnumSource(value = ServiceSocle.class, names = {"MSSANTE", "EPARCOURS", "DMP"})
    void faultsAreInjectedOnEveryService(ServiceSocle service) {
        assertThat(tallies.get(service).faults()).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(value = ServiceSocle.class, names = {"MSSANTE", "EPARCOURS", "DMP"})
    void nothingAcceptedIsLost(ServiceSocle service) {
        assertThat(tallies.get(service).lost()).as("accepted, not failed, never delivered").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ServiceSocle.class, names = {"MSSANTE", "EPARCOURS", "DMP"})
    void nothingIsDeliveredTwice(ServiceSocle service) {
        assertThat(tallies.get(service).duplicated()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ServiceSocle.class, names = {"MSSANTE", "EPARCOURS", "DMP"})
    void aFailedOperationSaysWhyAndWasNotDelivered(ServiceSocle service) {
        assertThat(tallies.get(service).failedWithoutReason()).as("failed without a reason").isEmpty();
        assertThat(tallies.get(service).failedButDelivered()).as("failed, yet delivered").isEmpty();
    }

    @Test
    void aDepositTheDmpRefusesEndsFailedWithItsReasonAndEveryOtherIsDelivered() {
        List<Settled> deposits = settled.stream().filter(s -> s.service() == ServiceSocle.DMP).toList();
        assertThat(refusedKeys).hasSize(DEPOSITS / REFUSED_EVERY);
        assertThat(deposits).filteredOn(s -> refusedKeys.contains(s.key())).hasSize(refusedKeys.size())
                .allSatisfy(s -> {
                    assertThat(s.state()).isEqualTo(OperationState.FAILED);
                    assertThat(s.reason()).startsWith("DMP-ABSENT");
                });
        assertThat(deposits).filteredOn(s -> !refusedKeys.contains(s.key())).allSatisfy(s -> assertThat(s.state()).isEqualTo(OperationState.ACKED));
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    static Path kit() {
        return Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit");
    }
}
