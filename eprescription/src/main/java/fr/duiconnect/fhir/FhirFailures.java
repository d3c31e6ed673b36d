package fr.duiconnect.fhir;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.ErrorCode;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.error.TransportException;
import org.hl7.fhir.r4.model.OperationOutcome;

import javax.net.ssl.SSLException;
import java.net.SocketTimeoutException;

/** Turns HAPI client exceptions into DUI Connect exceptions with the module's codes. */
public final class FhirFailures {

    private FhirFailures() {
    }

    /** @param what the operation, for the message, e.g. "prescription search" */
    public static DuiConnectException translate(RuntimeException failure, FhirFailureCodes codes, String what) {
        if (failure instanceof DuiConnectException known) {
            return known;
        }
        if (failure instanceof FhirClientConnectionException) {
            if (inChain(failure, SocketTimeoutException.class) != null) {
                return new TransportException(codes.timeout(), what + ": no answer within the read timeout", failure);
            }
            Throwable tls = inChain(failure, SSLException.class);
            if (tls != null) {
                return new TransportException(CoreErrorCode.TLS, what + ": TLS failed (" + tls.getMessage() + ")", failure);
            }
            Throwable cause = rootCause(failure);
            return new TransportException(codes.unreachable(), what + ": " + cause.getClass().getSimpleName() + " " + cause.getMessage(), failure);
        }
        if (failure instanceof BaseServerResponseException response) {
            int status = response.getStatusCode();
            ErrorCode code = switch (status) {
                case 401, 403 -> codes.accessRefused();
                case 404 -> codes.notFound();
                case 410 -> codes.gone();
                case 409, 412 -> codes.conflict();
                default -> status >= 500 ? codes.serverError() : codes.refused();
            };
            return new RemoteServiceException(code, "HTTP " + status, what + ": " + diagnostics(response), failure);
        }
        return new TransportException(codes.unreachable(), what + ": " + failure, failure);
    }

    private static String diagnostics(BaseServerResponseException response) {
        if (response.getOperationOutcome() instanceof OperationOutcome outcome && outcome.hasIssue()) {
            StringBuilder text = new StringBuilder();
            outcome.getIssue().stream().limit(5).forEach(issue -> text.append(text.length() == 0 ? "" : "; ")
                    .append(issue.getSeverity() == null ? "" : issue.getSeverity().toCode() + " ")
                    .append(issue.getExpression().isEmpty() ? "" : issue.getExpression().get(0).getValue() + ": ")
                    .append(issue.getDiagnostics()));
            return text.toString();
        }
        return response.getMessage();
    }

    private static Throwable inChain(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
