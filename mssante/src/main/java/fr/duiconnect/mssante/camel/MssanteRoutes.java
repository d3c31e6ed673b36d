package fr.duiconnect.mssante.camel;

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

    private final String name;
    private final Runnable poll;
    private final Duration pollInterval;

    /** The route that polls the mailbox the module's own properties name. */
    public static final String CONFIGURED_MAILBOX = "mssante-poll";

    /**
     * A poll on its own timer and route {@code name}: the configured mailbox ({@link #CONFIGURED_MAILBOX}), or the
     * registry's structures' inboxes, a few per tick.
     */
    public MssanteRoutes(String name, Runnable poll, Duration pollInterval) {
        this.name = name;
        this.poll = poll;
        this.pollInterval = pollInterval;
    }

    @Override
    public void configure() {
        from("timer:dui-" + name + "?delay=" + pollInterval.toMillis() + "&period=" + pollInterval.toMillis())
                .routeId(name)
                .process(exchange -> {
                    try {
                        poll.run();
                    } catch (RuntimeException e) {
                        // The next tick tries again; no message content in the log (ECO.1.2.3: isolate errors).
                        LOG.warn("MSSanté mailbox poll failed: {}", e.getMessage());
                    }
                });
    }
}
