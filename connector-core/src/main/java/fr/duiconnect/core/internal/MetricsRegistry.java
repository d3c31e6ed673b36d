package fr.duiconnect.core.internal;

import fr.duiconnect.core.ConnectorMetrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** In-memory counters per journal kind. */
public final class MetricsRegistry {

    private static final class Counters {
        final LongAdder accepted = new LongAdder();
        final LongAdder delivered = new LongAdder();
        final LongAdder acknowledged = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder retried = new LongAdder();
    }

    private final Map<String, Counters> perKind = new ConcurrentHashMap<>();

    private Counters of(String kind) {
        return perKind.computeIfAbsent(kind, k -> new Counters());
    }

    void accepted(String kind) { of(kind).accepted.increment(); }
    void delivered(String kind) { of(kind).delivered.increment(); }
    void acknowledged(String kind) { of(kind).acknowledged.increment(); }
    void failed(String kind) { of(kind).failed.increment(); }
    void retried(String kind) { of(kind).retried.increment(); }

    public ConnectorMetrics snapshot() {
        return new ConnectorMetrics(perKind.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            Counters c = e.getValue();
            return new ConnectorMetrics.KindCounters(c.accepted.sum(), c.delivered.sum(), c.acknowledged.sum(),
                    c.failed.sum(), c.retried.sum());
        })));
    }
}
