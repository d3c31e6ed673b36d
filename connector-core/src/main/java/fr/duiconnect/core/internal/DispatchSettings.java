package fr.duiconnect.core.internal;

import fr.duiconnect.core.config.RetryPolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * How one process's dispatcher runs.
 *
 * @param node                    this dispatcher's name in the journal's claims
 * @param concurrency             per journal kind it delivers: how many deliveries of that kind run at once
 * @param perStructureConcurrency how many deliveries of one kind one structure may hold at once
 * @param lease                   how long a claim reserves an operation
 * @param safetyPoll              the slow look for due work that catches what no signal announced
 * @param retry                   backoff and attempts of retryable failures
 * @param software                the software label the audit events carry
 * @param clock                   the journal's time (claims, due times, audit)
 */
record DispatchSettings(String node, Map<String, Integer> concurrency, int perStructureConcurrency, Duration lease,
                        Duration safetyPoll, RetryPolicy retry, String software, Clock clock) {

    DispatchSettings {
        concurrency = Map.copyOf(concurrency);
        concurrency.forEach((kind, slots) -> {
            if (slots < 1) {
                throw new IllegalArgumentException("the concurrency of " + kind + " must be at least 1");
            }
        });
        if (perStructureConcurrency < 1) {
            throw new IllegalArgumentException("the per-structure concurrency must be at least 1");
        }
    }
}
