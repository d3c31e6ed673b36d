package fr.duiconnect.core;

import fr.duiconnect.core.audit.AuditSink;
import fr.duiconnect.core.audit.AuditTrail;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.core.directory.DirectoryClient;
import fr.duiconnect.core.dmp.DmpClient;
import fr.duiconnect.core.eparcours.EParcoursClient;
import fr.duiconnect.core.eprescription.EPrescriptionClient;
import fr.duiconnect.core.error.ModuleNotAvailableException;
import fr.duiconnect.core.indicators.UsageIndicators;
import fr.duiconnect.core.ins.InsClient;
import fr.duiconnect.core.internal.ConnectorRuntime;
import fr.duiconnect.core.mssante.MssanteClient;
import fr.duiconnect.core.operation.OperationTracker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one object a DUI embeds: it hands out one client per service socle, all sharing the journal, the audit
 * trail and an embedded Camel context. Thread-safe; close it when the application stops.
 *
 * <pre>{@code
 * try (DuiConnector connector = DuiConnector.fromProperties(Path.of("dui-connect.properties"))) {
 *     OperationReceipt receipt = connector.dmp().deposit(dlu);           // journaled before it returns
 *     connector.operations().await(receipt.operationId(), Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * A service whose module ({@code dui-connect-dmp}, ...) is not on the class path is reported by a
 * {@link ModuleNotAvailableException} naming the artifact to add.
 */
public final class DuiConnector implements AutoCloseable {

    private final ConnectorRuntime runtime;

    private DuiConnector(ConnectorRuntime runtime) {
        this.runtime = runtime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the configuration file (see {@link ConnectorProperties}) and starts the connector. */
    public static DuiConnector fromProperties(Path file) {
        return builder().config(ConnectorProperties.load(file)).build();
    }

    public InsClient ins() {
        return client(ServiceSocle.INS, InsClient.class);
    }

    public DmpClient dmp() {
        return client(ServiceSocle.DMP, DmpClient.class);
    }

    public MssanteClient mssante() {
        return client(ServiceSocle.MSSANTE, MssanteClient.class);
    }

    public EPrescriptionClient eprescription() {
        return client(ServiceSocle.EPRESCRIPTION, EPrescriptionClient.class);
    }

    public EParcoursClient eparcours() {
        return client(ServiceSocle.EPARCOURS, EParcoursClient.class);
    }

    /** Annuaire Santé: professionals, structures and their MSSanté mailboxes (module {@code dui-connect-annuaire}). */
    public DirectoryClient directory() {
        return client(ServiceSocle.ANNUAIRE, DirectoryClient.class);
    }

    /**
     * The client view of one structure: every exchange made through it uses that structure's certificates, signing key,
     * VIHF identity and mailbox. Each call checks the structure's registry entry as it is then, so a structure disabled
     * or changed while a view is held is refused, or uses its new certificates, from its next call.
     *
     * @throws fr.duiconnect.core.structure.StructureRefusedException {@code STRUCTURE-UNKNOWN} for a FINESS the
     *                                                                registry does not hold
     */
    public StructureConnector forStructure(String finess) {
        runtime.structures().find(finess).orElseThrow(() -> new fr.duiconnect.core.structure.StructureRefusedException(
                fr.duiconnect.core.structure.StructureErrorCode.UNKNOWN, "structure", "no structure " + finess + " in the connector's registry"));
        return new StructureConnector(finess, this::structureClient);
    }

    /** The structures this connector acts for: add, update (certificate rotation) and disable them while it runs. */
    public fr.duiconnect.core.structure.StructureRegistry structures() {
        return runtime.structures();
    }

    private Object structureClient(ServiceSocle socle, String finess) {
        client(socle, Object.class);   // the module must be present and configured: the same errors as without a structure
        return runtime.client(socle, finess);
    }

    /** The services whose modules are present. */
    public Set<ServiceSocle> availableServices() {
        return runtime.availableServices();
    }

    /** Status, waiting and cancellation of journaled operations. */
    public OperationTracker operations() {
        return runtime.tracker();
    }

    public AuditTrail audit() {
        return runtime.auditTrail();
    }

    /** The ESMS numérique usage indicators, from the journal. */
    public UsageIndicators indicators() {
        return runtime.indicators();
    }

    public ConnectorMetrics metrics() {
        return runtime.metrics();
    }

    public ConnectorConfig config() {
        return runtime.config();
    }

    /**
     * Whether each started service is ready. The connector is usable as soon as it is built; the FHIR services
     * (e-prescription, e-parcours, annuaire) build their validators in the background meanwhile, and an operation that
     * needs them waits for them (bounded; {@code CORE-NOT-READY} when they are not built in time or their build failed).
     */
    public ConnectorHealth health() {
        return runtime.health();
    }

    /** Waits, at most {@code max}, until every service is ready (or failed to be); returns the health then. */
    public ConnectorHealth awaitReady(java.time.Duration max) throws InterruptedException {
        return runtime.awaitPrepared(max);
    }

    private <T> T client(ServiceSocle socle, Class<T> type) {
        Object client = runtime.client(socle);
        if (client == null && runtime.isUnconfigured(socle)) {
            throw new fr.duiconnect.core.error.ConfigurationException("dui." + socle.key() + ".url",
                    "the " + socle.artifactId() + " module is present but no endpoint is configured for it");
        }
        if (client == null) {
            throw new ModuleNotAvailableException(socle.key(), socle.artifactId());
        }
        return type.cast(client);
    }

    @Override
    public void close() {
        runtime.close();
    }

    /** Builds a connector; {@link #config} is required. */
    public static final class Builder {
        private ConnectorConfig config;
        private final List<AuditSink> auditSinks = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private boolean dispatching = true;
        private String nodeName;
        private MeterRegistry meters;
        private fr.duiconnect.core.structure.StructureRegistry structures;
        private SharedResources shared;

        private Builder() {
        }

        public Builder config(ConnectorConfig value) {
            config = value;
            return this;
        }

        /** An extra audit sink; events always go to the journal database as well. */
        public Builder auditSink(AuditSink sink) {
            auditSinks.add(Objects.requireNonNull(sink));
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Whether this connector delivers journaled operations (default true). A connector that only accepts
         * operations leaves delivery to other processes sharing the same PostgreSQL journal.
         */
        public Builder dispatching(boolean value) {
            dispatching = value;
            return this;
        }

        /**
         * The Micrometer registry the connector's meters go to (operations accepted, delivered, retried, failed per
         * service and kind, delivery latency, journal backlog); an in-memory {@code SimpleMeterRegistry} by default.
         */
        public Builder meterRegistry(MeterRegistry value) {
            meters = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The vendor's own registry of structures, which it keeps updating while the connector runs; the configuration's
         * structures are added to it. By default the connector makes one from the configuration.
         */
        public Builder structures(fr.duiconnect.core.structure.StructureRegistry value) {
            structures = Objects.requireNonNull(value);
            return this;
        }

        /**
         * What the modules build once and share (the FHIR validators) with other connectors or simulators given the
         * same instance; the connector then leaves closing it to the caller. By default the connector has its own.
         */
        public Builder sharedResources(SharedResources value) {
            shared = Objects.requireNonNull(value);
            return this;
        }

        /** Name of this process in the journal's claims (defaults to host and process id). */
        public Builder nodeName(String value) {
            nodeName = value;
            return this;
        }

        public DuiConnector build() {
            Objects.requireNonNull(config, "config");
            ConnectorRuntime runtime = ConnectorRuntime.start(config, structures, auditSinks, clock, dispatching, nodeName,
                    meters == null ? new SimpleMeterRegistry() : meters, shared);
            DuiConnector connector = new DuiConnector(runtime);
            try {
                runtime.contribute(connector);
            } catch (RuntimeException e) {
                connector.close();
                throw e;
            }
            return connector;
        }
    }
}
