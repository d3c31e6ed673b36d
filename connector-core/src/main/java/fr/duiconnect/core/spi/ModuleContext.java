package fr.duiconnect.core.spi;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditSink;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.EndpointConfig;

import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureRegistry;
import fr.duiconnect.core.structure.StructureService;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
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

    /** An invoker of the given handlers only, with the same failure typing as {@link #requests()}. */
    RequestInvoker invoker(RequestHandlers handlers);

    /**
     * This context as one structure's client sees it: the structure's endpoint ({@link #endpointFor}) and its own
     * request handlers (built on that endpoint, hence on its TLS key and credentials); journal, audit, clock and
     * registry are the connector's one set. A module builds its usual client on it, once per structure.
     */
    default ModuleContext scopedTo(EndpointConfig structureEndpoint, RequestHandlers handlers) {
        ModuleContext shared = this;
        RequestInvoker own = invoker(handlers);
        return new ModuleContext() {
            @Override public ConnectorConfig config() { return shared.config(); }
            @Override public Optional<EndpointConfig> endpoint() { return Optional.of(structureEndpoint); }
            @Override public ServiceSocle socle() { return shared.socle(); }
            @Override public Outbox outbox() { return shared.outbox(); }
            @Override public InboundLedger inbound() { return shared.inbound(); }
            @Override public CursorStore cursors() { return shared.cursors(); }
            @Override public AuditSink audit() { return shared.audit(); }
            @Override public RequestInvoker requests() { return own; }
            @Override public Clock clock() { return shared.clock(); }
            @Override public RequestInvoker invoker(RequestHandlers other) { return shared.invoker(other); }
            @Override public StructureRegistry structures() { return shared.structures(); }
            @Override public fr.duiconnect.core.SharedResources sharedResources() { return shared.sharedResources(); }
        };
    }

    /**
     * What modules build once and share (see {@link fr.duiconnect.core.SharedResources}): the connector's own, or the
     * one the application gave several connectors.
     */
    fr.duiconnect.core.SharedResources sharedResources();

    /** The structures the connector acts for; a registry of one for a single-structure configuration. */
    StructureRegistry structures();

    /**
     * This service's endpoint as one structure uses it: the shared URL, timeouts, trust store and options, with the
     * structure's own TLS client key and options, and its FINESS as {@code finess}. The endpoint's identity options
     * ({@link StructureService#IDENTITY_OPTIONS}) and client key are never inherited: a structure that lacks one
     * lacks it, rather than borrowing the identity of the structure the shared properties describe.
     */
    default EndpointConfig endpointFor(StructureProfile structure) {
        EndpointConfig base = endpoint().orElseThrow(() -> new ConfigurationException("dui." + socle().key() + ".url",
                "no endpoint is configured for " + socle().key()));
        StructureService service = StructureRegistry.requireActive(structure, socle()).service(socle()).orElseThrow();
        Map<String, String> options = new HashMap<>();
        base.options().forEach((name, value) -> {
            if (!StructureService.isIdentityOption(name)) {
                options.put(name, value);
            }
        });
        options.putAll(service.options());
        options.put("finess", structure.finess().value());
        TlsConfig tls = base.tlsIfAny().map(t -> t.withClientKey(service.authentication())).orElse(null);
        return new EndpointConfig(base.url(), base.timeouts(), tls, options);
    }
}
