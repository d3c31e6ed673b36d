package fr.duiconnect.core.config;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.model.Require;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a connector needs: the software identity, the journal, the retry policy and, per service socle,
 * its endpoint. Immutable; build it with {@link #builder()} or read it with {@link ConnectorProperties}.
 */
public record ConnectorConfig(SoftwareIdentity software, JournalConfig journal, RetryPolicy retry,
                              Map<ServiceSocle, EndpointConfig> endpoints, DispatchConfig dispatch) {

    public ConnectorConfig {
        Require.present(software, "software");
        Require.present(journal, "journal");
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        endpoints = endpoints == null || endpoints.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(endpoints));
        dispatch = dispatch == null ? DispatchConfig.forJournal(journal) : dispatch;
    }

    /** With the journal's default dispatch settings ({@link DispatchConfig#forJournal}). */
    public ConnectorConfig(SoftwareIdentity software, JournalConfig journal, RetryPolicy retry,
                           Map<ServiceSocle, EndpointConfig> endpoints) {
        this(software, journal, retry, endpoints, null);
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

        public ConnectorConfig build() {
            return new ConnectorConfig(software, journal, retry, endpoints, dispatch);
        }
    }
}
