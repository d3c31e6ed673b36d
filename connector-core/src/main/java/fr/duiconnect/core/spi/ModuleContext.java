package fr.duiconnect.core.spi;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditSink;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.EndpointConfig;

import java.time.Clock;
import java.util.Optional;

/** What the core gives a module when the connector starts. */
public interface ModuleContext {

    ConnectorConfig config();

    /** The endpoint configured for this module's service, if any. */
    Optional<EndpointConfig> endpoint();

    ServiceSocle socle();

    Outbox outbox();

    InboundLedger inbound();

    CursorStore cursors();

    AuditSink audit();

    /** Runs the module's synchronous exchanges through the handlers it returns in {@link ServiceModule#requestHandlers()}. */
    RequestInvoker requests();

    Clock clock();
}
