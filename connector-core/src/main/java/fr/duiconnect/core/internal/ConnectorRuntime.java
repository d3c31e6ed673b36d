package fr.duiconnect.core.internal;

import fr.duiconnect.core.ConnectorMetrics;
import fr.duiconnect.core.ConnectorHealth;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.SharedResources;
import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.audit.AuditSink;
import fr.duiconnect.core.audit.AuditTrail;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.internal.camel.DeliveryRoutes;
import fr.duiconnect.core.internal.journal.JdbcAuditStore;
import fr.duiconnect.core.internal.journal.JdbcCursorStore;
import fr.duiconnect.core.internal.journal.JdbcInboundLedger;
import fr.duiconnect.core.internal.journal.JdbcUsageIndicators;
import fr.duiconnect.core.indicators.UsageIndicators;
import fr.duiconnect.core.internal.journal.JournalDatabase;
import fr.duiconnect.core.internal.journal.JournalNotifications;
import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationTracker;
import fr.duiconnect.core.spi.CursorStore;
import fr.duiconnect.core.spi.InboundLedger;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.OutboundRequest;
import fr.duiconnect.core.spi.Outbox;
import fr.duiconnect.core.spi.CamelContributor;
import fr.duiconnect.core.spi.DeliveryHandler;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.RequestInvoker;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import fr.duiconnect.core.DuiConnector;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Everything behind the facade: journal database, audit, the embedded Camel context with the modules' routes
 * and the outbox dispatcher. One per {@code DuiConnector}; nothing static, nothing global.
 */
public final class ConnectorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRuntime.class);

    private final ConnectorConfig config;
    private final JournalDatabase database;
    private final OutboxJournal journal;
    private final JdbcAuditStore auditStore;
    private final CompositeAuditSink audit;
    private final InboundLedger inbound;
    private final CursorStore cursors;
    private final MetricsRegistry metrics;
    private final Clock clock;
    private final CamelContext camel;
    private final Map<ServiceSocle, ServiceModule> modules = new EnumMap<>(ServiceSocle.class);
    private final Set<ServiceSocle> unconfigured = java.util.EnumSet.noneOf(ServiceSocle.class);
    private final JournalTracker tracker;
    private final JdbcUsageIndicators indicators;
    private volatile OutboxDispatcher dispatcher;
    /** Where the dispatcher runs (a tool opening the journal removes nothing); processes sharing one journal may each run it. */
    private volatile PayloadRetention retention;
    private volatile JournalNotifications notifications;
    private final StructureRegistry structures;
    private final SharedResources shared;
    /** Whether {@link #shared} is this connector's own (closed with it) rather than the application's. */
    private final boolean ownsShared;
    /** What each module prepares in the background ({@link ServiceModule#prepare}), by service. */
    private final Map<ServiceSocle, CompletableFuture<?>> preparing = new EnumMap<>(ServiceSocle.class);

    private ConnectorRuntime(ConnectorConfig config, StructureRegistry structures, List<AuditSink> extraSinks, Clock clock,
                             MeterRegistry meters, SharedResources shared) {
        this.config = config;
        this.structures = structures;
        this.ownsShared = shared == null;
        this.shared = shared == null ? new SharedResources() : shared;
        this.clock = clock;
        this.metrics = new MetricsRegistry(meters);
        this.database = JournalDatabase.open(config.journal());
        this.journal = new OutboxJournal(database, UUID.randomUUID().toString());
        this.auditStore = new JdbcAuditStore(database);
        this.audit = new CompositeAuditSink(auditStore, extraSinks);
        this.inbound = new JdbcInboundLedger(database, clock);
        this.cursors = new JdbcCursorStore(database, clock);
        this.camel = new DefaultCamelContext();
        this.camel.getCamelContextExtension().setName("dui-connect");
        this.tracker = new JournalTracker(journal, clock, config.journal().pollInterval());
        this.indicators = new JdbcUsageIndicators(database, clock);
        this.metrics.backlogFrom(journal::countByState);
    }

    public static ConnectorRuntime start(ConnectorConfig config, List<AuditSink> extraSinks, Clock clock,
                                         boolean dispatching, String nodeName, MeterRegistry meters) {
        return start(config, null, extraSinks, clock, dispatching, nodeName, meters, null);
    }

    /**
     * @param structures the vendor's registry, or null for the configuration's structures (a registry of one at least)
     * @param shared     what the modules share with other connectors of the JVM, or null for the connector's own
     */
    public static ConnectorRuntime start(ConnectorConfig config, StructureRegistry structures, List<AuditSink> extraSinks,
                                         Clock clock, boolean dispatching, String nodeName, MeterRegistry meters,
                                         SharedResources shared) {
        StructureRegistry registry = structures;
        if (registry == null) {
            registry = StructureRegistry.of(config.structuresOrImplicit());
        } else {
            StructureRegistry given = registry;
            config.structuresOrImplicit().stream().filter(s -> given.find(s.finess().value()).isEmpty()).forEach(given::put);
        }
        ConnectorRuntime runtime = new ConnectorRuntime(config, registry, extraSinks, clock, meters, shared);
        try {
            runtime.startModules(dispatching, nodeName == null ? defaultNodeName() : nodeName);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    private void startModules(boolean dispatching, String node) {
        ProducerTemplate producer = camel.createProducerTemplate();
        HandlerRequestInvoker invoker = new HandlerRequestInvoker();
        Outbox outbox = new JournalOutbox();
        Map<String, DeliveryHandler> deliveries = new HashMap<>();
        Map<String, ServiceSocle> socleOfKind = new HashMap<>();
        try {
            for (ServiceModuleProvider provider : ServiceLoader.load(ServiceModuleProvider.class, getClass().getClassLoader())) {
                ServiceSocle socle = provider.socle();
                if (provider.requiresEndpoint() && config.endpointIfAny(socle).isEmpty()) {
                    unconfigured.add(socle);
                    continue;
                }
                if (modules.containsKey(socle)) {
                    throw new ConfigurationException(socle.key(), "two modules provide this service");
                }
                ServiceModule module = provider.start(new Context(socle, outbox, invoker));
                modules.put(socle, module);
                invoker.register(module.requestHandlers());
                module.deliveryHandlers().forEach((kind, handler) -> {
                    if (deliveries.putIfAbsent(kind, handler) != null) {
                        throw new ConfigurationException(socle.key(), "two modules deliver the journal kind " + kind);
                    }
                    socleOfKind.put(kind, socle);
                });
                for (RoutesBuilder routes : module.routes()) {
                    withoutCamelErrorLog(routes);
                    camel.addRoutes(routes);
                }
            }
            camel.addRoutes(new DeliveryRoutes(deliveries));
            camel.start();
            if (dispatching) {
                dispatcher = new OutboxDispatcher(dispatchSettings(node, socleOfKind), journal, routes(producer),
                        audit::recordedInJournal, metrics, tracker::changed);
                dispatcher.start();
                retention = new PayloadRetention(journal, config.journal().payloadRetention(), clock);
                retention.start();
            }
            if (database.isPostgres()) {
                notifications = JournalNotifications.listen(database, journal.origin(), new FromOtherProcesses());
            }
            // Once all have started: the FHIR modules share one validator set, built with every module's IGs.
            modules.forEach((socle, module) -> preparing.put(socle, module.prepare().toCompletableFuture()));
        } catch (ConfigurationException e) {
            throw e;
        } catch (Exception e) {
            throw new ConfigurationException("modules", "the connector routes could not start: " + e.getMessage(), e);
        }
        LOG.info("DUI Connect started with services {} (dispatching: {})", modules.keySet(), dispatching);
    }

    /** Each kind runs at its service's concurrency ({@code dui.<service>.option.concurrency}, else the default). */
    private DispatchSettings dispatchSettings(String node, Map<String, ServiceSocle> kinds) {
        Map<String, Integer> concurrency = new HashMap<>();
        kinds.forEach((kind, socle) -> concurrency.put(kind,
                config.dispatch().concurrencyOf(socle, config.endpointIfAny(socle).orElse(null))));
        return new DispatchSettings(node, concurrency, config.dispatch().perStructureConcurrency(), config.journal().lease(),
                config.journal().pollInterval(), config.retry(), softwareLabel(), clock);
    }

    /** Delivery goes through the kind's managed route; a failure comes back as the handler's own exception. */
    private static OutboxDispatcher.Delivery routes(ProducerTemplate producer) {
        return operation -> {
            try {
                return producer.requestBody(DeliveryRoutes.endpointOf(operation.kind()), operation, DeliveryOutcome.class);
            } catch (CamelExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }

    /** PostgreSQL: what the other processes on the journal announce. */
    private final class FromOtherProcesses implements JournalNotifications.Listener {
        @Override
        public void due(String kind) {
            if (dispatcher != null) {
                dispatcher.signal(kind);
            }
        }

        @Override
        public void changed(UUID operationId) {
            tracker.wake(operationId);
        }

        @Override
        public void resynchronise() {
            if (dispatcher != null) {
                dispatcher.signalAll();
            }
            tracker.wakeAll();
        }
    }

    /**
     * Binds the connector in its own Camel context's registry (where a component such as {@code dui-connect:} finds
     * it), then lets the {@link CamelContributor}s found on the class path add components and routes to that context.
     */
    public void contribute(DuiConnector connector) {
        camel.getRegistry().bind("duiConnector", DuiConnector.class, connector);
        for (CamelContributor contributor : ServiceLoader.load(CamelContributor.class, getClass().getClassLoader())) {
            try {
                contributor.contribute(camel, connector);
            } catch (Exception e) {
                throw new ConfigurationException("camel", contributor.getClass().getName()
                        + " could not add its routes to the connector's Camel context: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Failures travel back to the caller as typed exceptions (retries are the journal's), and the dispatcher logs
     * them without bodies; Camel's default handler would log each one again at ERROR with its message text.
     */
    private static void withoutCamelErrorLog(RoutesBuilder routes) {
        if (routes instanceof org.apache.camel.builder.RouteBuilder builder) {
            builder.errorHandler(builder.noErrorHandler());
        }
    }

    private String softwareLabel() {
        return config.software().name() + " " + config.software().version();
    }

    private static String defaultNodeName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Object client(ServiceSocle socle) {
        ServiceModule module = modules.get(socle);
        return module == null ? null : module.client();
    }

    /** The module's client acting for the structure, which is checked enabled and using the service first. */
    public Object client(ServiceSocle socle, String finess) {
        StructureProfile structure = structures.require(finess, socle);
        ServiceModule module = modules.get(socle);
        return module == null ? null : module.clientFor(structure);
    }

    public StructureRegistry structures() {
        return structures;
    }

    /** Each started service's readiness: what it prepares in the background is built, under way, or failed. */
    public ConnectorHealth health() {
        Map<ServiceSocle, ConnectorHealth.Service> services = new EnumMap<>(ServiceSocle.class);
        for (ServiceSocle socle : modules.keySet()) {
            CompletableFuture<?> ready = preparing.get(socle);
            if (ready == null || !ready.isDone()) {
                services.put(socle, new ConnectorHealth.Service(ConnectorHealth.State.PREPARING, null));
            } else if (ready.isCompletedExceptionally()) {
                services.put(socle, new ConnectorHealth.Service(ConnectorHealth.State.FAILED, failureOf(ready)));
            } else {
                services.put(socle, new ConnectorHealth.Service(ConnectorHealth.State.READY, null));
            }
        }
        return new ConnectorHealth(services);
    }

    /** Waits, at most {@code max}, until every service is ready or failed; returns the health then. */
    public ConnectorHealth awaitPrepared(java.time.Duration max) throws InterruptedException {
        try {
            CompletableFuture.allOf(preparing.values().stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
                    .get(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // the health says which service is still preparing
        }
        return health();
    }

    private static String failureOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            return null;
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
    }

    /** Services whose module is present but was not started for want of an endpoint. */
    public boolean isUnconfigured(ServiceSocle socle) {
        return unconfigured.contains(socle);
    }

    public Set<ServiceSocle> availableServices() {
        return Set.copyOf(modules.keySet());
    }

    public OperationTracker tracker() {
        return tracker;
    }

    public UsageIndicators indicators() {
        return indicators;
    }

    public AuditTrail auditTrail() {
        return auditStore;
    }

    public ConnectorMetrics metrics() {
        return metrics.snapshot();
    }

    public ConnectorConfig config() {
        return config;
    }

    /** For tools in the same code base (benchmarks, usage indicators): the journal's data source. */
    public JournalDatabase database() {
        return database;
    }

    @Override
    public void close() {
        if (notifications != null) {
            notifications.close();
        }
        if (retention != null) {
            retention.close();
        }
        if (dispatcher != null) {
            // Before Camel: the deliveries under way still go through their routes.
            dispatcher.close();
        }
        tracker.close();
        try {
            camel.close();
        } catch (Exception e) {
            LOG.warn("the Camel context did not stop cleanly: {}", e.getMessage());
        }
        for (ServiceModule module : modules.values()) {
            try {
                module.close();
            } catch (RuntimeException e) {
                LOG.warn("a module did not close cleanly: {}", e.getMessage());
            }
        }
        database.close();
        if (ownsShared) {
            shared.close();
        }
    }

    private final class JournalOutbox implements Outbox {
        @Override
        public OperationReceipt accept(OutboundRequest request) {
            requireStructureMayUse(request);
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            AuditEvent acceptance = new AuditEvent(now, request.finess(), request.actor(), softwareLabel(), request.kind(),
                    request.person(), id, AuditOutcome.ACCEPTED, null);
            tracker.accepting(id);
            OperationReceipt receipt;
            try {
                receipt = journal.accept(request, now, id, acceptance);   // the audit row commits with the operation
            } catch (RuntimeException e) {
                tracker.notAccepted(id);
                throw e;
            }
            if (receipt.alreadyAccepted()) {
                tracker.notAccepted(id);
                return receipt;
            }
            try {
                metrics.accepted(request.kind());
                audit.recordedInJournal(acceptance);
            } finally {
                tracker.accepted(id);
            }
            if (dispatcher != null) {
                dispatcher.signal(request.kind());
            }
            return receipt;
        }

        /**
         * The last guard before the journal: an operation for a registered structure that is disabled, or does not use
         * the service, is refused here whichever client accepted it. (A FINESS the registry does not hold is left to
         * the module: a single-structure connector's callers name theirs only for the audit.)
         */
        private void requireStructureMayUse(OutboundRequest request) {
            String service = request.kind().substring(0, request.kind().indexOf('.'));
            structures.find(request.finess()).ifPresent(structure -> java.util.Arrays.stream(ServiceSocle.values())
                    .filter(socle -> socle.key().equals(service)).findFirst()
                    .ifPresent(socle -> StructureRegistry.requireActive(structure, socle)));
        }

        @Override
        public Optional<UUID> acknowledge(String kind, String remoteReference, OperationState state, String detail) {
            Optional<UUID> id = journal.acknowledge(kind, remoteReference, state, detail, clock.instant());
            id.ifPresent(operation -> {
                if (state == OperationState.ACKED) {
                    metrics.acknowledged(kind);
                } else {
                    metrics.failed(kind);
                }
                // partitioned by structure like the operation's other events: the acknowledgement is its structure's
                audit.record(new AuditEvent(clock.instant(), journal.finessOf(operation).orElse(null), null, softwareLabel(), kind + ".ack", null, operation,
                        state == OperationState.ACKED ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, detail));
                tracker.changed(operation, state);
            });
            return id;
        }

        @Override
        public Optional<JournaledOperation> delivered(String kind, String remoteReference) {
            return journal.findDelivered(kind, remoteReference);
        }
    }

    private final class Context implements ModuleContext {
        private final ServiceSocle socle;
        private final Outbox outbox;
        private final RequestInvoker invoker;

        Context(ServiceSocle socle, Outbox outbox, RequestInvoker invoker) {
            this.socle = socle;
            this.outbox = outbox;
            this.invoker = invoker;
        }

        @Override public ConnectorConfig config() { return config; }
        @Override public Optional<EndpointConfig> endpoint() { return config.endpointIfAny(socle); }
        @Override public ServiceSocle socle() { return socle; }
        @Override public Outbox outbox() { return outbox; }
        @Override public InboundLedger inbound() { return inbound; }
        @Override public CursorStore cursors() { return cursors; }
        @Override public AuditSink audit() { return audit; }
        @Override public RequestInvoker requests() { return invoker; }
        @Override public Clock clock() { return clock; }
        @Override public StructureRegistry structures() { return structures; }
        @Override public SharedResources sharedResources() { return shared; }

        @Override public RequestInvoker invoker(fr.duiconnect.core.spi.RequestHandlers handlers) {
            HandlerRequestInvoker own = new HandlerRequestInvoker();
            own.register(handlers);
            return own;
        }
    }
}
