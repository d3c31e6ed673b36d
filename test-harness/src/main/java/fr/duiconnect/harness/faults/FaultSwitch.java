package fr.duiconnect.harness.faults;

import java.util.Optional;
import java.util.Set;

/**
 * The fault a simulator must inject next, set by tests, by command-line flags or by the admin HTTP API, and
 * consulted by the simulator once per request. Thread-safe; one per simulator.
 */
public final class FaultSwitch {

    private Fault fault;
    private int remaining;
    private long injected;

    public synchronized void set(Fault newFault) {
        fault = newFault;
        remaining = newFault.count();
    }

    public synchronized void clear() {
        fault = null;
    }

    /**
     * The fault to apply to the request now arriving, if any; counts it down. A {@link FaultKind#TLS_FAILURE} is not a
     * request's fault: it stays set for the next handshake ({@link #failsNextHandshake}), so a request on a connection
     * already open neither fails nor uses it up.
     */
    public synchronized Optional<Fault> nextRequest() {
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
        injected++;
        return current;
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

    @Override
    public synchronized String toString() {
        return fault == null ? "none" : fault + (remaining > 0 ? " (" + remaining + " left)" : "");
    }
}
