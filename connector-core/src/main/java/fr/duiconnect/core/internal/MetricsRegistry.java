package fr.duiconnect.core.internal;

import fr.duiconnect.core.ConnectorMetrics;
import fr.duiconnect.core.operation.OperationState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
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

    private final MeterRegistry registry;
    /** Each kind's meters, registered once: a delivery only increments, it never looks a meter up. */
    private final Map<String, KindMeters> kinds = new ConcurrentHashMap<>();

    /** The meters of one journal kind. */
    private record KindMeters(Counter accepted, Counter delivered, Counter acknowledged, Counter retried, Counter failed,
                              Timer latency) {
    }

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

    void accepted(String kind) { meters(kind).accepted().increment(); }
    void acknowledged(String kind) { meters(kind).acknowledged().increment(); }
    void failed(String kind) { meters(kind).failed().increment(); }
    void retried(String kind) { meters(kind).retried().increment(); }

    void delivered(String kind, Duration sinceAccepted) {
        KindMeters meters = meters(kind);
        meters.delivered().increment();
        meters.latency().record(sinceAccepted);
    }

    private KindMeters meters(String kind) {
        return kinds.computeIfAbsent(kind, k -> new KindMeters(counter("accepted", k), counter("delivered", k),
                counter("acknowledged", k), counter("retried", k), counter("failed", k),
                Timer.builder("dui.delivery.latency").description("From acceptance in the journal to delivery")
                        .tag("service", service(k)).tag("kind", k).register(registry)));
    }

    private Counter counter(String event, String kind) {
        return Counter.builder(PREFIX + event).tag("service", service(kind)).tag("kind", kind).register(registry);
    }

    private static String service(String kind) {
        int dot = kind.indexOf('.');
        return dot < 0 ? kind : kind.substring(0, dot);
    }

    public ConnectorMetrics snapshot() {
        return new ConnectorMetrics(kinds.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            KindMeters m = e.getValue();
            return new ConnectorMetrics.KindCounters((long) m.accepted().count(), (long) m.delivered().count(),
                    (long) m.acknowledged().count(), (long) m.failed().count(), (long) m.retried().count());
        })));
    }
}
