package fr.duiconnect.mssante.camel;

import fr.duiconnect.core.spi.DeliveryEndpoints;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.mssante.DefaultMssanteClient;
import fr.duiconnect.mssante.InboxService;
import fr.duiconnect.mssante.transport.SmtpSubmitter;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The thin Camel glue: delivery of journaled messages and MDNs by SMTP submission, and the IMAP polling timer.
 */
public final class MssanteRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MssanteRoutes.class);

    private final SmtpSubmitter submitter;
    private final InboxService inbox;
    private final Duration pollInterval;
    private final java.util.function.BiConsumer<JournaledOperation, SmtpSubmitter.Submission> trace;

    /** @param trace records each submission with the operator's answer (ECO.4.1.2) */
    public MssanteRoutes(SmtpSubmitter submitter, InboxService inbox, Duration pollInterval,
                         java.util.function.BiConsumer<JournaledOperation, SmtpSubmitter.Submission> trace) {
        this.submitter = submitter;
        this.inbox = inbox;
        this.pollInterval = pollInterval;
        this.trace = trace;
    }

    @Override
    public void configure() {
        from(DeliveryEndpoints.forKind(InboxService.SEND_KIND)).routeId("mssante-send")
                .process(exchange -> {
                    JournaledOperation operation = exchange.getMessage().getBody(JournaledOperation.class);
                    SmtpSubmitter.Submission submission = submitter.send(operation.payload());
                    trace.accept(operation, submission);
                    // SENT: the DSN/MDN coming back later settles it, matched by this Message-ID.
                    exchange.getMessage().setBody(DeliveryOutcome.sent(submission.messageId()));
                });
        from(DeliveryEndpoints.forKind(DefaultMssanteClient.MDN_KIND)).routeId("mssante-mdn")
                .process(exchange -> {
                    JournaledOperation operation = exchange.getMessage().getBody(JournaledOperation.class);
                    SmtpSubmitter.Submission submission = submitter.send(operation.payload());
                    trace.accept(operation, submission);
                    exchange.getMessage().setBody(DeliveryOutcome.acked(submission.messageId()));
                });
        if (pollInterval != null) {
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
}
