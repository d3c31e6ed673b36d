package fr.duiconnect.camel;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.operation.OperationTracker;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code dui-connect:operations}: one exchange per change the connector records for a journaled operation (accepted,
 * delivered, attempt failed, acknowledged, cancelled), body the {@link OperationStatus} recorded then, in order, on the
 * connector's notification thread. Optionally only some kinds and states.
 */
final class OperationsConsumer extends DefaultConsumer {

    private final DuiConnectConfiguration configuration;
    private final Set<String> kinds;
    private final Set<OperationState> states;
    private OperationTracker.Subscription subscription;

    OperationsConsumer(DuiConnectEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.kinds = configuration.getKinds() == null || configuration.getKinds().isBlank() ? Set.of()
                : Arrays.stream(configuration.getKinds().split(",")).map(String::strip).collect(Collectors.toSet());
        this.states = parseStates(configuration.getStates());
    }

    /** The {@code states} option: empty for all. */
    static Set<OperationState> parseStates(String states) {
        if (states == null || states.isBlank()) {
            return EnumSet.allOf(OperationState.class);
        }
        Set<OperationState> parsed = EnumSet.noneOf(OperationState.class);
        for (String state : states.split(",")) {
            try {
                parsed.add(OperationState.valueOf(state.strip()));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.format("states", "comma-separated PENDING, SENT, ACKED, FAILED (not '" + state.strip() + "')");
            }
        }
        return parsed;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        subscription = configuration.getConnector().operations().subscribe(this::changed);
    }

    @Override
    protected void doStop() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.doStop();
    }

    private void changed(OperationStatus status) {
        if (!states.contains(status.state()) || !kinds.isEmpty() && !kinds.contains(status.kind())) {
            return;
        }
        ConsumerExchanges.route(this, status, java.util.Map.of(
                DuiConnectConstants.OPERATION_ID, status.operationId(),
                DuiConnectConstants.OPERATION_KIND, status.kind(),
                DuiConnectConstants.OPERATION_STATE, status.state()));
    }
}
