package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.error.ErrorCode;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Calls one operation of a service client and puts the answer in the body. A journaled operation's answer is its
 * {@link OperationReceipt}, given as soon as the journal holds it: delivery and its retries are the outbox's, which
 * survive a restart, where Camel's redelivery would not. With {@code awaitState} the producer waits for that state
 * and answers the {@link OperationStatus}. Failures are the client's typed exceptions, set on the exchange as they are.
 */
abstract class DuiConnectProducer extends DefaultProducer {

    private final DuiConnectConfiguration configuration;

    DuiConnectProducer(DuiConnectEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    /** The call itself: reads the body (and headers) of {@code in}, returns the answer. */
    abstract Object call(DuiConnectOperation operation, Message in, DuiConnector connector) throws Exception;

    @Override
    public DuiConnectEndpoint getEndpoint() {
        return (DuiConnectEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Object answer = call(getEndpoint().getOperation(), message, configuration.getConnector());
        if (answer instanceof OperationReceipt receipt) {
            message.setHeader(DuiConnectConstants.OPERATION_ID, receipt.operationId());
            message.setHeader(DuiConnectConstants.ALREADY_ACCEPTED, receipt.alreadyAccepted());
            OperationState await = message.getHeader(DuiConnectConstants.AWAIT_STATE, configuration.getAwaitState(), OperationState.class);
            if (await != null && await != OperationState.SENT && await != OperationState.ACKED) {
                throw InvalidInputException.format(DuiConnectConstants.AWAIT_STATE, "SENT or ACKED");
            }
            if (await == null) {
                message.setHeader(DuiConnectConstants.OPERATION_STATE, OperationState.PENDING);
            } else {
                answer = awaited(receipt, await, message);
            }
        }
        message.setBody(answer);
    }

    private OperationStatus awaited(OperationReceipt receipt, OperationState await, Message message) {
        var operations = configuration.getConnector().operations();
        OperationStatus status = await == OperationState.ACKED
                ? operations.awaitFinal(receipt.operationId(), configuration.getAwaitTimeout())
                : operations.await(receipt.operationId(), configuration.getAwaitTimeout());
        message.setHeader(DuiConnectConstants.OPERATION_STATE, status.state());
        message.setHeader(DuiConnectConstants.REMOTE_REFERENCE, status.remoteReference());
        if (status.state() == OperationState.FAILED) {
            throw new RemoteServiceException(new RecordedCode(java.util.Objects.requireNonNullElse(status.lastErrorCode(), "CORE-OPERATION-FAILED")), null,
                    "operation " + status.operationId() + " (" + status.kind() + ") ended FAILED after " + status.attempts()
                            + " attempt(s): " + status.lastError());
        }
        return status;
    }

    /** The code the journal recorded for the failure (e.g. DMP-ABSENT), carried by the exception the route sees. */
    private record RecordedCode(String code) implements ErrorCode {
        @Override
        public String rule() {
            return "the journaled operation failed; its code is the one the delivery recorded";
        }
    }
}
