package fr.duiconnect.core.config;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;

/**
 * How the dispatcher shares delivery capacity. Each journal kind (e.g. {@code dmp.deposit}) runs at most
 * {@code concurrency} deliveries at once in one process (a service overrides it with
 * {@code dui.<service>.option.concurrency}); within a kind, one structure (FINESS) holds at most
 * {@code perStructureConcurrency} of them, and free slots go round-robin to the structures with due work, so a
 * structure with a large backlog does not delay another's single message.
 *
 * @param concurrency             deliveries of one kind at once, per process (default: the journal's pool size less
 *                                one, at least 2 — as many as have a connection to record their outcome while
 *                                one stays for claims and accepts: 3 on the embedded H2, 7 on PostgreSQL)
 * @param perStructureConcurrency deliveries of one kind at once for one structure (default: no limit beyond
 *                                {@code concurrency}, fairness then comes from the round-robin alone)
 */
public record DispatchConfig(int concurrency, int perStructureConcurrency) {

    /** The default for a journal: see {@code concurrency}; no per-structure limit. */
    public static DispatchConfig forJournal(JournalConfig journal) {
        return new DispatchConfig(Math.max(2, journal.maxPoolSize() - 1), Integer.MAX_VALUE);
    }

    public DispatchConfig {
        if (concurrency < 1) {
            throw new ConfigurationException("dui.dispatch.concurrency", "must be at least 1");
        }
        if (perStructureConcurrency < 1) {
            throw new ConfigurationException("dui.dispatch.per-structure-concurrency", "must be at least 1");
        }
    }

    /** The concurrency of a service: its {@code dui.<service>.option.concurrency} when set, else this default. */
    public int concurrencyOf(ServiceSocle socle, EndpointConfig endpoint) {
        if (endpoint == null) {
            return concurrency;
        }
        return endpoint.option("concurrency").map(value -> {
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed >= 1) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the field's name
            }
            throw new ConfigurationException("dui." + socle.key() + ".option.concurrency", "must be a whole number of at least 1");
        }).orElse(concurrency);
    }
}
