package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;

/**
 * How one accepted operation ended, as the journal tells it: its service, the key its simulator counts it by, its
 * state, the attempts it took (a claim resumed after a kill counts as one) and, when FAILED, its reason. Written as
 * one line by a connector process and read back by the test.
 */
public record Settled(ServiceSocle service, String key, OperationState state, int attempts, String reason) {

    private static final String PREFIX = "SETTLED\t";

    public static Settled of(MixedWorkload.Operation operation, OperationStatus status) {
        String reason = status.lastErrorCode() == null ? status.lastError() : status.lastErrorCode() + " " + status.lastError();
        return new Settled(operation.service(), operation.key(), status.state(), status.attempts(), reason);
    }

    public boolean failed() {
        return state == OperationState.FAILED;
    }

    /** FAILED with a reason saying the service may hold it nevertheless (see {@link OperationStatus#failedButMayHaveReachedTheService}). */
    public boolean saysMayBeHeld() {
        return failed() && reason != null && reason.contains(OperationStatus.EARLIER_ATTEMPT_MAY_HAVE_REACHED);
    }

    public String line() {
        return PREFIX + service + '\t' + key + '\t' + state + '\t' + attempts + '\t' + (reason == null ? "" : reason.replaceAll("\\s+", " "));
    }

    public static boolean isLine(String line) {
        return line.startsWith(PREFIX);
    }

    public static Settled parse(String line) {
        String[] fields = line.substring(PREFIX.length()).split("\t", -1);
        return new Settled(ServiceSocle.valueOf(fields[0]), fields[1], OperationState.valueOf(fields[2]), Integer.parseInt(fields[3]),
                fields[4].isEmpty() ? null : fields[4]);
    }
}
