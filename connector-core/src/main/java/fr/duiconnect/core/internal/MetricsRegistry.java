package fr.duiconnect.core.internal;

import fr.duiconnect.core.ConnectorMetrics;
import fr.duiconnect.core.operation.OperationState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The connector's meters, on the Micrometer registry the application passes in (a simple in-memory one otherwise):
 * <ul>
 *   <li>{@code dui.operations.accepted|delivered|acknowledged|retried|failed} — counters tagged {@code service} and
 *       {@code kind} (e.g. {@code dmp} / {@code dmp.deposit});</li>
 *   <li>{@code dui.delivery.latency} — timer from acceptance to delivery, tagged the same way;</li>
 *   <li>{@code dui.journal.backlog} — gauge of the journal's operations by {@code state} (PENDING, SENT), read from the
 *       journal database when the registry is scraped, so it counts every process sharing the journal.</li>
 * </ul>
 * No tag carries patient data or an identifier.
 */
public final class MetricsRegistry {

    static final String PREFIX = "dui.operations.";
    private static final String[] EVENTS = {"accepted", "delivered", "acknowledged", "retried", "failed"};

    private final MeterRegistry registry;
    private final Set<String> kinds = ConcurrentHashMap.newKeySet();

    public MetricsRegistry(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the backlog gauges, read from the journal's counts by state. */
    void backlogFrom(Supplier<Map<OperationState, Long>> countByState) {
        for (OperationState state : new OperationState[] {OperationState.PENDING, OperationState.SENT}) {
            Gauge.builder("dui.journal.backlog", () -> countByState.get().getOrDefault(state, 0L))
                    .tag("state", state.name()).description("Journaled operations in this state").register(registry);
        }
    }

    void accepted(String kind) { counter("accepted", kind).increment(); }
    void acknowledged(String kind) { counter("acknowledged", kind).increment(); }
    void failed(String kind) { counter("failed", kind).increment(); }
    void retried(String kind) { counter("retried", kind).increment(); }

    void delivered(String kind, Duration sinceAccepted) {
        counter("delivered", kind).increment();
        Timer.builder("dui.delivery.latency").description("From acceptance in the journal to delivery")
                .tag("service", service(kind)).tag("kind", kind).register(registry).record(sinceAccepted);
    }

    private Counter counter(String event, String kind) {
        kinds.add(kind);
        return Counter.builder(PREFIX + event).tag("service", service(kind)).tag("kind", kind).register(registry);
    }

    private static String service(String kind) {
        int dot = kind.indexOf('.');
        return dot < 0 ? kind : kind.substring(0, dot);
    }

    private long count(String event, String kind) {
        Counter counter = registry.find(PREFIX + event).tag("kind", kind).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    public ConnectorMetrics snapshot() {
        return new ConnectorMetrics(kinds.stream().collect(Collectors.toMap(kind -> kind, kind -> {
            long[] values = new long[EVENTS.length];
            for (int i = 0; i < EVENTS.length; i++) {
                values[i] = count(EVENTS[i], kind);
            }
            return new ConnectorMetrics.KindCounters(values[0], values[1], values[2], values[4], values[3]);
        })));
    }
}
