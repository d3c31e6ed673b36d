package fr.duiconnect.harness.faults;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The fault a simulator must inject next, set by tests, by command-line flags or by the admin HTTP API, and
 * consulted by the simulator once per request. Thread-safe; one per simulator.
 */
public final class FaultSwitch {

    private Fault fault;
    private int remaining;
    private long injected;
    private final Map<FaultKind, Long> injectedByKind = new EnumMap<>(FaultKind.class);
    /** Random mode ({@link #injectAtRandom}): the faults drawn from, the share of requests hit, the seeded draw. */
    private List<Fault> drawn;
    private double rate;
    private Random draw;

    public synchronized void set(Fault newFault) {
        drawn = null;
        fault = newFault;
        remaining = newFault.count();
    }

    public synchronized void clear() {
        drawn = null;
        fault = null;
    }

    /**
     * Random mode, for long runs that cannot place each fault: every request meets one of {@code faults} (drawn
     * uniformly among those its protocol has) with probability {@code rate}, and every new connection's handshake
     * fails with probability {@code rate / faults.size()} when {@link FaultKind#TLS_FAILURE} is among them, so each
     * kind gets about the same share. Seeded: the same run draws the same faults in the same order of requests.
     */
    public synchronized void injectAtRandom(List<Fault> faults, double share, long seed) {
        if (faults.isEmpty() || share < 0 || share > 1) {
            throw new IllegalArgumentException("random faults need at least one fault and a share between 0 and 1");
        }
        fault = null;
        drawn = List.copyOf(faults);
        rate = share;
        draw = new Random(seed);
    }

    /**
     * The fault to apply to the request now arriving, if any; counts it down. A {@link FaultKind#TLS_FAILURE} is not a
     * request's fault: it stays set for the next handshake ({@link #failsNextHandshake}), so a request on a connection
     * already open neither fails nor uses it up.
     */
    public synchronized Optional<Fault> nextRequest() {
        if (drawn != null) {
            return drawFor(EnumSet.allOf(FaultKind.class));
        }
        if (fault == null || fault.kind() == FaultKind.TLS_FAILURE) {
            return Optional.empty();
        }
        return Optional.of(consume());
    }

    /**
     * The same, for a simulator that speaks several protocols on one switch (the MSSanté operator: SMTP and IMAP):
     * a fault of a kind this protocol does not have stays set for the other one.
     */
    public synchronized Optional<Fault> nextRequest(Set<FaultKind> kinds) {
        if (drawn != null) {
            return drawFor(kinds);
        }
        if (fault == null || !kinds.contains(fault.kind())) {
            return Optional.empty();
        }
        return nextRequest();
    }

    private Fault consume() {
        Fault current = fault;
        if (remaining > 0 && --remaining == 0) {
            fault = null;
        }
        return counted(current);
    }

    private Fault counted(Fault current) {
        injected++;
        injectedByKind.merge(current.kind(), 1L, Long::sum);
        return current;
    }

    /** A request's draw in random mode; a TLS failure is the handshake's, never a request's. */
    private Optional<Fault> drawFor(Set<FaultKind> kinds) {
        List<Fault> candidates = drawn.stream().filter(f -> f.kind() != FaultKind.TLS_FAILURE && kinds.contains(f.kind())).toList();
        if (candidates.isEmpty() || draw.nextDouble() >= rate) {
            return Optional.empty();
        }
        return Optional.of(counted(candidates.get(draw.nextInt(candidates.size()))));
    }

    /**
     * The only cipher suite a server enables to make a handshake fail: a signalling value, not a usable suite, so
     * client and server have no suite in common.
     */
    public static final String NO_USABLE_SUITE = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";

    /**
     * Whether the TLS handshake now starting must fail ({@link FaultKind#TLS_FAILURE} set); consumes one count of
     * the fault when so. Simulators ask it once per new connection, before the handshake.
     */
    public synchronized boolean failsNextHandshake() {
        if (drawn != null) {
            Optional<Fault> tls = drawn.stream().filter(f -> f.kind() == FaultKind.TLS_FAILURE).findFirst();
            if (tls.isEmpty() || draw.nextDouble() >= rate / drawn.size()) {
                return false;
            }
            counted(tls.get());
            return true;
        }
        if (fault == null || fault.kind() != FaultKind.TLS_FAILURE) {
            return false;
        }
        consume();
        return true;
    }

    /** The fault set now, without consuming it. */
    public synchronized Optional<Fault> peek() {
        return Optional.ofNullable(fault);
    }

    /** How many requests received a fault since the simulator started. */
    public synchronized long injectedCount() {
        return injected;
    }

    /** The same, per kind. */
    public synchronized Map<FaultKind, Long> injectedByKind() {
        return Map.copyOf(injectedByKind);
    }

    @Override
    public synchronized String toString() {
        if (drawn != null) {
            return "at random " + drawn + " on " + Math.round(rate * 100) + " % of requests";
        }
        return fault == null ? "none" : fault + (remaining > 0 ? " (" + remaining + " left)" : "");
    }
}
