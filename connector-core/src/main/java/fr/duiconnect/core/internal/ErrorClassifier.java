package fr.duiconnect.core.internal;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.TransportException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * Turns whatever a delivery threw into a DuiConnect exception, deciding whether a retry can help:
 * timeouts and I/O failures can; TLS failures (wrong CA, wrong host, missing client certificate) and refusals cannot.
 */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    /**
     * Whether the request may have reached the peer although no answer was heard: a timeout or a cut connection
     * (the request may have gone out, the peer may have acted on it). Not when the connection was never made (refused,
     * unknown host, no route), the TLS handshake failed (nothing was sent), or the peer answered (a refusal or a server
     * error is its word).
     */
    public static boolean mayHaveReachedThePeer(DuiConnectException error) {
        if (!(error instanceof TransportException)) {
            return false;
        }
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.NoRouteToHostException || cause instanceof javax.net.ssl.SSLHandshakeException) {
                return false;
            }
        }
        return error.errorCode() != CoreErrorCode.TLS;
    }

    public static DuiConnectException classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuiConnectException known) {
                return known;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new TransportException(CoreErrorCode.TLS, "TLS failure: " + cause.getMessage(), failure);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
                return new TransportException(CoreErrorCode.TIMEOUT, "no answer within the timeout", failure);
            }
            if (cause instanceof IOException) {
                return new TransportException(CoreErrorCode.TRANSPORT, cause.getClass().getSimpleName() + ": " + cause.getMessage(), failure);
            }
        }
        return new DuiConnectException(CoreErrorCode.REMOTE_REFUSED, null,
                "unexpected failure: " + failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
    }
}
