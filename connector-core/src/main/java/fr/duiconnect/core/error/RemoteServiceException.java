package fr.duiconnect.core.error;

import java.util.Optional;

/**
 * The national service answered, and refused: carries the service's own code (XDS error code, INSi SOAP fault
 * code, SMTP reply, FHIR OperationOutcome) next to ours. What a peer wrote is not trusted: the remote code and the
 * message are cut to {@value #MAX_REMOTE_CODE} and {@value #MAX_MESSAGE} characters and control characters become
 * spaces, so a hostile answer (a 56 MB fault reason) can neither flood the logs nor forge lines in them.
 */
public class RemoteServiceException extends DuiConnectException {

    static final int MAX_REMOTE_CODE = 64;
    static final int MAX_MESSAGE = 500;

    private final String remoteCode;

    public RemoteServiceException(ErrorCode code, String remoteCode, String message, Throwable cause) {
        super(code, null, excerpt(message, MAX_MESSAGE)
                + (remoteCode == null ? "" : " [remote code " + excerpt(remoteCode, MAX_REMOTE_CODE) + "]"), cause);
        this.remoteCode = remoteCode == null ? null : excerpt(remoteCode, MAX_REMOTE_CODE);
    }

    /** A peer's text as it may appear in a message: single line, at most {@code max} characters (then an ellipsis). */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return null;
        }
        String cut = (text.length() <= max ? text : text.substring(0, max)).replaceAll("\\p{Cntrl}", " ");
        return text.length() <= max ? cut : cut + "… (" + text.length() + " characters)";
    }

    public RemoteServiceException(ErrorCode code, String remoteCode, String message) {
        this(code, remoteCode, message, null);
    }

    public Optional<String> remoteCode() { return Optional.ofNullable(remoteCode); }
}
