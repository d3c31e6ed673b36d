package fr.duiconnect.camel;

import fr.duiconnect.core.mssante.InboundMail;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

import java.util.Map;

/**
 * {@code dui-connect:mssante/inbox}: one exchange per new message, body the decoded {@link InboundMail}. The consumer
 * reads the mailbox at each of its polls ({@code delay}); messages the connector's own poll reads come through as
 * well, each once. The inbound ledger has recorded a message before its exchange runs: a failed route goes to the
 * exception handler and does not bring the message back.
 */
final class MssanteInboxConsumer extends ScheduledPollConsumer {

    private final DuiConnectConfiguration configuration;
    private volatile boolean registered;

    MssanteInboxConsumer(DuiConnectEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        if (!registered) {
            // The client keeps its handlers for its lifetime: register once, and let isRunAllowed() gate it.
            configuration.getConnector().mssante().onMessage(this::received);
            registered = true;
        }
        super.doStart();
    }

    private void received(InboundMail mail) {
        if (isRunAllowed() && !isSuspendingOrSuspended()) {
            ConsumerExchanges.route(this, mail, Map.of());
        }
    }

    @Override
    protected int poll() {
        return configuration.getConnector().mssante().fetchInbox().messages().size();
    }
}
