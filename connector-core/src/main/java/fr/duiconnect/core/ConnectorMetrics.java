package fr.duiconnect.core;

import java.util.Map;

/**
 * Counters since the connector started, per journal kind (e.g. {@code dmp.deposit}).
 *
 * @param perKind counters of each kind
 */
public record ConnectorMetrics(Map<String, KindCounters> perKind) {

    public ConnectorMetrics {
        perKind = Map.copyOf(perKind);
    }

    public KindCounters of(String kind) {
        return perKind.getOrDefault(kind, new KindCounters(0, 0, 0, 0, 0));
    }

    /** accepted: journaled; delivered: SENT or ACKED; retried: attempts that failed and were rescheduled. */
    public record KindCounters(long accepted, long delivered, long acknowledged, long failed, long retried) {
    }
}
