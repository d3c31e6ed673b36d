package fr.duiconnect.mssante.camel;

import fr.duiconnect.mssante.InboxService;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The mailbox poll on Camel's timer: it starts and stops with the connector's context and shows as the route
 * {@code mssante-poll}. (Deliveries are the core's routes over {@code SmtpDelivery}; the IMAP session is the
 * module's own, for the operators' PSC/OAuth authentication, S/MIME and XDM.)
 */
public final class MssanteRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MssanteRoutes.class);

    private final InboxService inbox;
    private final Duration pollInterval;

    public MssanteRoutes(InboxService inbox, Duration pollInterval) {
        this.inbox = inbox;
        this.pollInterval = pollInterval;
    }

    @Override
    public void configure() {
        from("timer:dui-mssante-poll?delay=" + pollInterval.toMillis() + "&period=" + pollInterval.toMillis())
                .routeId("mssante-poll")
                .process(exchange -> {
                    try {
                        inbox.fetch();
                    } catch (RuntimeException e) {
                        // The next tick tries again; no message content in the log (ECO.1.2.3: isolate errors).
                        LOG.warn("MSSanté mailbox poll failed: {}", e.getMessage());
                    }
                });
    }
}
