package fr.duiconnect.core.config;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.model.Require;

import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a connector needs: the software identity, the journal, the retry policy and, per service socle,
 * its endpoint; and the structures it acts for (see {@link #structuresOrImplicit()}). Immutable; build it with
 * {@link #builder()} or read it with {@link ConnectorProperties}.
 */
public record ConnectorConfig(SoftwareIdentity software, JournalConfig journal, RetryPolicy retry,
                              Map<ServiceSocle, EndpointConfig> endpoints, DispatchConfig dispatch,
                              List<StructureProfile> structures) {

    public ConnectorConfig {
        Require.present(software, "software");
        Require.present(journal, "journal");
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        endpoints = endpoints == null || endpoints.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(endpoints));
        dispatch = dispatch == null ? DispatchConfig.forJournal(journal) : dispatch;
        structures = structures == null ? List.of() : List.copyOf(structures);
        requireLeaseOutlastsDeliveries(journal, endpoints);
    }

    /** The services whose operations are journaled and delivered by the dispatcher under a lease. */
    private static final java.util.Set<ServiceSocle> JOURNALED = java.util.EnumSet.of(ServiceSocle.DMP, ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS);

    /**
     * A claim must outlast the delivery it reserves. A delivery makes up to two exchanges (a read-back of an earlier
     * attempt that may have reached the peer, then the send), each bounded by its endpoint's whole deadline
     * ({@link Timeouts#exchange()}); a lease that runs out while they are under way lets another process start a second
     * delivery of the same operation while the peer still processes the first.
     */
    private static void requireLeaseOutlastsDeliveries(JournalConfig journal, Map<ServiceSocle, EndpointConfig> endpoints) {
        endpoints.forEach((socle, endpoint) -> {
            java.time.Duration delivery = endpoint.timeouts().exchange().multipliedBy(2);
            if (JOURNALED.contains(socle) && journal.lease().compareTo(delivery) <= 0) {
                throw new ConfigurationException("dui.journal.lease", "is " + journal.lease() + "; it must be longer than the longest delivery of "
                        + socle.key() + ", two exchanges of dui." + socle.key() + ".timeout.connect + timeout.read (" + delivery + ")");
            }
        });
    }

    /** With the journal's default dispatch settings ({@link DispatchConfig#forJournal}) and no structure listed. */
    public ConnectorConfig(SoftwareIdentity software, JournalConfig journal, RetryPolicy retry,
                           Map<ServiceSocle, EndpointConfig> endpoints) {
        this(software, journal, retry, endpoints, null, List.of());
    }

    /**
     * The structures given, plus the structure the endpoints themselves identify (their {@code option.finess}, the
     * first of DMP, INS, MSSanté, e-parcours, e-prescription): a single-structure configuration is a registry of one,
     * whose services are the configured endpoints with their own certificates and identity options.
     */
    public List<StructureProfile> structuresOrImplicit() {
        List<StructureProfile> all = new ArrayList<>(structures);
        implicitStructure().filter(implicit -> structures.stream().noneMatch(s -> s.finess().equals(implicit.finess())))
                .ifPresent(all::add);
        return all;
    }

    /** The structure today's single-structure properties describe, if an endpoint names its FINESS. */
    public Optional<StructureProfile> implicitStructure() {
        Optional<String> finess = java.util.stream.Stream.of(ServiceSocle.DMP, ServiceSocle.INS, ServiceSocle.MSSANTE,
                        ServiceSocle.EPARCOURS, ServiceSocle.EPRESCRIPTION)
                .map(endpoints::get).filter(java.util.Objects::nonNull)
                .flatMap(e -> e.option("finess").stream()).filter(fr.duiconnect.core.model.Finess::isWellFormed).findFirst();
        return finess.map(value -> {
            var builder = StructureProfile.builder(fr.duiconnect.core.model.Finess.of(value),
                    endpointIfAny(ServiceSocle.EPARCOURS).flatMap(e -> e.option("structure.name")).orElse("Structure " + value));
            endpoints.forEach((socle, endpoint) -> {
                Map<String, String> identity = new HashMap<>();
                endpoint.options().forEach((name, option) -> {
                    if (StructureService.isIdentityOption(name)) {
                        identity.put(name, option);
                    }
                });
                builder.service(socle, new StructureService(endpoint.tlsIfAny().map(TlsConfig::clientKey).orElse(null), null, identity));
            });
            return builder.build();
        });
    }

    public Optional<EndpointConfig> endpointIfAny(ServiceSocle socle) {
        return Optional.ofNullable(endpoints.get(socle));
    }

    public EndpointConfig endpoint(ServiceSocle socle) {
        return endpointIfAny(socle).orElseThrow(() ->
                new ConfigurationException("dui." + socle.key() + ".url", "no endpoint is configured for " + socle.key()));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private SoftwareIdentity software;
        private JournalConfig journal;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private DispatchConfig dispatch;
        private final Map<ServiceSocle, EndpointConfig> endpoints = new EnumMap<>(ServiceSocle.class);
        private final List<StructureProfile> structures = new ArrayList<>();

        private Builder() {
        }

        public Builder software(SoftwareIdentity value) { software = value; return this; }

        public Builder journal(JournalConfig value) { journal = value; return this; }

        public Builder h2Journal(Path directory) { journal = JournalConfig.h2(directory); return this; }

        public Builder retry(RetryPolicy value) { retry = value; return this; }

        /** Default: {@link DispatchConfig#forJournal} of the journal. */
        public Builder dispatch(DispatchConfig value) { dispatch = value; return this; }

        /**
         * The endpoint of a service. The HTTP services (INSi, DMP, e-prescription, e-parcours) are reached over HTTPS
         * only: the traits, the INS and the signed assertions never travel in clear, and there is no opt-out (the
         * sandbox's simulators speak TLS with the test PKI). MSSanté's SMTP and IMAP always require STARTTLS.
         */
        public Builder endpoint(ServiceSocle socle, EndpointConfig endpoint) {
            if (socle != ServiceSocle.MSSANTE && endpoint.url() != null && !"https".equalsIgnoreCase(endpoint.url().getScheme())) {
                throw new ConfigurationException("dui." + socle.key() + ".url",
                        "must be an https:// URL: cleartext (" + endpoint.url().getScheme() + ") is refused for " + socle.key());
            }
            endpoints.put(socle, endpoint);
            return this;
        }

        /** A structure the connector acts for (see {@link fr.duiconnect.core.structure.StructureRegistry}). */
        public Builder structure(StructureProfile value) {
            structures.add(java.util.Objects.requireNonNull(value, "structure"));
            return this;
        }

        public ConnectorConfig build() {
            return new ConnectorConfig(software, journal, retry, endpoints, dispatch, structures);
        }
    }
}
