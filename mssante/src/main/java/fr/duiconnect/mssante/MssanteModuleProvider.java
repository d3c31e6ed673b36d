package fr.duiconnect.mssante;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.mssante.MssanteClient;
import fr.duiconnect.core.spi.DeliveryHandler;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.PerStructure;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.mssante.camel.MssanteRoutes;
import fr.duiconnect.mssante.compose.MessageComposer;
import fr.duiconnect.mssante.receive.InboundParser;
import fr.duiconnect.mssante.smime.SmimeLayer;
import fr.duiconnect.mssante.transport.ImapMailbox;
import fr.duiconnect.mssante.transport.MailCredentials;
import fr.duiconnect.mssante.transport.MailSessions;
import fr.duiconnect.mssante.transport.SmtpDelivery;
import fr.duiconnect.mssante.transport.SmtpSubmitter;
import fr.duiconnect.mssante.xdm.XdmUnpacker;
import org.apache.camel.RoutesBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The MSSanté module: found by the connector through {@link java.util.ServiceLoader}. */
public final class MssanteModuleProvider implements ServiceModuleProvider {

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.MSSANTE;
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        var endpoint = context.endpoint().orElseThrow(() -> new ConfigurationException("dui.mssante.url",
                "no MSSanté endpoint is configured"));
        // the dui.mssante.* properties name a mailbox (single-structure configuration): required then, as before
        boolean configured = endpoint.option("mailbox").isPresent() || context.config().structures().isEmpty();
        // the configured mailbox's keys, TLS context and S/MIME provider are built in the background (prepare), not at start
        PerStructure<StructureMail> structures = PerStructure.deferred(context, endpoint.option("finess").orElse(null),
                configured ? () -> mail(context, MssanteSettings.from(endpoint, context.config().software())) : null,
                structure -> mail(context, MssanteSettings.from(context.endpointFor(structure), structure.software(context.config().software()))));
        MssanteClient client = structures.configuredClient(MssanteClient.class, StructureMail::client);
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Object clientFor(StructureProfile structure) { return structures.of(structure).client(); }

            @Override public Map<String, DeliveryHandler> deliveryHandlers() {
                return Map.of(InboxService.SEND_KIND, operation -> structures.forFiness(operation.finess()).delivery().message(operation),
                        DefaultMssanteClient.MDN_KIND, operation -> structures.forFiness(operation.finess()).delivery().readReceipt(operation));
            }

            /**
             * The configured mailbox is polled on its route; the registry's structures with a mailbox on another, a few
             * per tick in turn ({@link StructureInboxes}), on the same interval.
             */
            @Override public List<RoutesBuilder> routes() {
                List<RoutesBuilder> routes = new java.util.ArrayList<>();
                Duration interval = MssanteSettings.pollInterval(endpoint);
                if (structures.hasConfigured() && interval != null) {
                    routes.add(new MssanteRoutes(MssanteRoutes.CONFIGURED_MAILBOX, () -> structures.configured().orElseThrow().inbox().fetch(), interval));
                }
                if (interval != null) {
                    StructureInboxes inboxes = new StructureInboxes(context.structures(),
                            structures.hasConfigured() ? endpoint.option("mailbox").orElse(null) : null,
                            structure -> structures.of(structure).inbox().fetch(), MssanteSettings.structuresPolledPerTick(endpoint));
                    routes.add(new MssanteRoutes("mssante-poll-structures", inboxes::pollNext, interval));
                }
                return routes;
            }

            @Override public java.util.concurrent.CompletionStage<?> prepare() { return structures.prepare(); }

            @Override public void close() { structures.built().forEach(StructureMail::close); }
        };
    }

    /** One structure's mail: its mailbox and credentials (SMTP/IMAP sessions, S/MIME key), client, inbox and delivery. */
    private record StructureMail(MssanteSettings settings, MailSessions sessions, SmtpSubmitter submitter,
                                 DefaultMssanteClient client, InboxService inbox, SmtpDelivery delivery) {
        void close() {
            submitter.close();
            sessions.close();
        }
    }

    private static StructureMail mail(ModuleContext context, MssanteSettings settings) {
        MailSessions sessions = new MailSessions(settings);
        MailCredentials credentials = new MailCredentials(settings);
        SmtpSubmitter submitter = new SmtpSubmitter(sessions, credentials);
        SmimeLayer smime = new SmimeLayer(settings.smimeAnchors());
        InboundParser parser = new InboundParser(smime, settings.smimeKey(), new XdmUnpacker(settings.xdmLimits()), XdsMetadataBridge.reader());
        InboxService inbox = new InboxService(context, new ImapMailbox(sessions, credentials, 200, settings.maxMessageBytes(), settings.messageBudget()), parser, settings);
        MessageComposer composer = new MessageComposer(settings.composer(), XdsMetadataBridge.writer(), context.clock());
        DefaultMssanteClient client = new DefaultMssanteClient(context, settings, composer, smime, inbox, credentials);
        inbox.readReceipts((mail, result) -> client.sendReadReceipt(mail, result));
        SmtpDelivery delivery = new SmtpDelivery(submitter, (operation, submission) ->
                context.audit().record(new AuditEvent(context.clock().instant(), operation.finess(), operation.actor(),
                        context.config().software().name(), "mssante.smtp", operation.person(), operation.operationId(),
                        AuditOutcome.SUCCESS, "MAIL FROM " + settings.mailbox().address() + " " + submission.messageId()
                        + " -> " + submission.serverResponse())));
        return new StructureMail(settings, sessions, submitter, client, inbox, delivery);
    }
}
