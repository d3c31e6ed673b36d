package fr.duiconnect.harness.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * One fault to inject: its kind, how many requests it hits (then the simulator behaves again; -1 for "until
 * cleared"), and the latency for {@link FaultKind#LATENCY}.
 */
public record Fault(FaultKind kind, int count, Duration latency) {

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs a kind");
        }
        if (count == 0 || count < -1) {
            throw new IllegalArgumentException("a fault hits a positive number of requests, or -1 until cleared");
        }
        latency = latency == null ? Duration.ZERO : latency;
    }

    public static Fault times(FaultKind kind, int count) {
        return new Fault(kind, count, Duration.ZERO);
    }

    public static Fault always(FaultKind kind) {
        return new Fault(kind, -1, Duration.ZERO);
    }

    public static Fault latency(Duration latency, int count) {
        return new Fault(FaultKind.LATENCY, count, latency);
    }

    /**
     * Parses {@code KIND[:count][@latencyMs]}, e.g. {@code HTTP_503:3}, {@code LATENCY:5@2000}, {@code SMTP_451}
     * (count defaults to -1, until cleared).
     */
    public static Fault parse(String text) {
        String spec = text.trim();
        Duration latency = Duration.ZERO;
        int at = spec.indexOf('@');
        if (at >= 0) {
            latency = Duration.ofMillis(Long.parseLong(spec.substring(at + 1)));
            spec = spec.substring(0, at);
        }
        int colon = spec.indexOf(':');
        int count = -1;
        if (colon >= 0) {
            count = Integer.parseInt(spec.substring(colon + 1));
            spec = spec.substring(0, colon);
        }
        return new Fault(FaultKind.valueOf(spec.toUpperCase(Locale.ROOT)), count, latency);
    }

    @Override
    public String toString() {
        return kind + (count < 0 ? "" : ":" + count) + (latency.isZero() ? "" : "@" + latency.toMillis());
    }
}
