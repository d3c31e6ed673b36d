package fr.duiconnect.fhir;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.ErrorCode;
import fr.duiconnect.core.spi.BoundedAnswer;
import org.apache.http.impl.execchain.RequestAbortedException;
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
        Throwable tooLarge = inChain(failure, BoundedAnswer.TooLarge.class);
        if (tooLarge != null) {
            return new RemoteServiceException(codes.answerTooLarge(), "size", what + ": " + tooLarge.getMessage()
                    + " (option max-answer-bytes)");
        }
        Throwable late = inChain(failure, BoundedAnswer.DeadlinePassed.class);
        if (late != null || inChain(failure, RequestAbortedException.class) != null
                || (failure instanceof FhirClientConnectionException && FhirRestClient.lastExchangePassedItsDeadline())) {
            // Only the exchange's watchdog aborts a request.
            return new TransportException(codes.timeout(), what + ": " + (late != null ? late.getMessage()
                    : "the exchange did not complete within its deadline (connect + read timeouts)"), late);
        }
        if (failure instanceof FhirClientConnectionException) {
            // The HAPI wrapper's message names the URL (and so a searched INS): keep only the underlying cause.
            Throwable timeout = inChain(failure, SocketTimeoutException.class);
            if (timeout != null) {
                return new TransportException(codes.timeout(), what + ": no answer within the read timeout", timeout);
            }
            Throwable tls = inChain(failure, SSLException.class);
            if (tls != null) {
                return new TransportException(CoreErrorCode.TLS, what + ": TLS failed (" + tls.getMessage() + ")", tls);
            }
            Throwable cause = rootCause(failure);
            return new TransportException(codes.unreachable(), what + ": " + cause.getClass().getSimpleName() + " "
                    + masked(String.valueOf(cause.getMessage())), cause instanceof java.io.IOException ? cause : null);
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
            // No cause attached: HAPI's exceptions carry the request URL, whose query may hold an INS, and causes
            // are printed with the stack trace by whoever logs the failure.
            return new RemoteServiceException(code, "HTTP " + status, what + ": " + masked(diagnostics(response)));
        }
        return new TransportException(codes.unreachable(), what + ": " + failure.getClass().getSimpleName(), null);
    }

    /** Masks digit runs of INS length or more (13+), so that a server echoing a matricule does not put it in a log. */
    static String masked(String text) {
        return text == null ? null : text.replaceAll("\\d{13,}", "***");
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
