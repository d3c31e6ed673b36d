package fr.duiconnect.core.error;

/** The call did not reach the service or got no usable answer: connection, timeout, TLS. */
public class TransportException extends DuiConnectException {

    public TransportException(ErrorCode code, String message, Throwable cause) {
        super(code, null, message, cause);
    }
}
