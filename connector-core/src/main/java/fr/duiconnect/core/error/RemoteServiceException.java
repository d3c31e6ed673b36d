package fr.duiconnect.core.error;

import java.util.Optional;

/**
 * The national service answered, and refused: carries the service's own code (XDS error code, INSi SOAP fault
 * code, SMTP reply, FHIR OperationOutcome) next to ours.
 */
public class RemoteServiceException extends DuiConnectException {

    private final String remoteCode;

    public RemoteServiceException(ErrorCode code, String remoteCode, String message, Throwable cause) {
        super(code, null, message + (remoteCode == null ? "" : " [remote code " + remoteCode + "]"), cause);
        this.remoteCode = remoteCode;
    }

    public RemoteServiceException(ErrorCode code, String remoteCode, String message) {
        this(code, remoteCode, message, null);
    }

    public Optional<String> remoteCode() { return Optional.ofNullable(remoteCode); }
}
