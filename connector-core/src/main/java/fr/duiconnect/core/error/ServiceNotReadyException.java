package fr.duiconnect.core.error;

/**
 * An operation needed what its service builds in the background (e.g. the FHIR validators) and it was not built in
 * time ({@code CORE-NOT-READY}, retryable), or its build failed (the cause says why; retrying does not help).
 */
public class ServiceNotReadyException extends DuiConnectException {

    private final boolean failed;

    public ServiceNotReadyException(String field, String message, Throwable buildFailure) {
        super(CoreErrorCode.NOT_READY, field, message, buildFailure);
        this.failed = buildFailure != null;
    }

    /** True when the build failed rather than took longer than the wait allowed. */
    public boolean buildFailed() {
        return failed;
    }

    @Override
    public boolean retryable() {
        return !failed;
    }
}
