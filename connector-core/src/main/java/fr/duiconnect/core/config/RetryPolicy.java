package fr.duiconnect.core.config;

import fr.duiconnect.core.error.ConfigurationException;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for retryable failures of journaled operations.
 * The delay before attempt n+1 is {@code min(max, initial × multiplier^(n-1))}, then spread by ±jitter.
 *
 * <p>{@code unknownOutcomeWindow}: how long after its acceptance an operation whose outcome is unknown (an earlier
 * attempt may have reached the peer unheard) is still retried once {@code maxAttempts} are spent. An attempt budget
 * does not fit such an operation: a peer that is slow or down for an hour spends any number of attempts, and FAILED
 * would then be reported for an operation the peer may hold. The national services say nothing of it; a day (a
 * platform outage, then a night's catch-up) is our reading, {@code dui.retry.unknown-outcome-window}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier, double jitter,
                          Duration unknownOutcomeWindow) {

    public static final Duration DEFAULT_UNKNOWN_OUTCOME_WINDOW = Duration.ofHours(24);

    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(15), 2.0, 0.2);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new ConfigurationException("retry.maxAttempts", "must be at least 1");
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ConfigurationException("retry.backoff", "initial must be zero or more and not above the maximum");
        }
        if (multiplier < 1.0) {
            throw new ConfigurationException("retry.multiplier", "must be 1 or more");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new ConfigurationException("retry.jitter", "must be in [0, 1)");
        }
        if (unknownOutcomeWindow == null || unknownOutcomeWindow.isNegative()) {
            throw new ConfigurationException("retry.unknown-outcome-window", "must be zero or more");
        }
    }

    /** With the default window for unknown outcomes ({@link #DEFAULT_UNKNOWN_OUTCOME_WINDOW}). */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier, double jitter) {
        this(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, DEFAULT_UNKNOWN_OUTCOME_WINDOW);
    }

    /** Whether an operation accepted at {@code acceptedAt} whose outcome is unknown is still retried at {@code now}. */
    public boolean withinUnknownOutcomeWindow(Instant acceptedAt, Instant now) {
        return now.isBefore(acceptedAt.plus(unknownOutcomeWindow));
    }

    /** Delay after the given failed attempt (1-based). */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        double spread = capped * jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped + spread)));
    }
}
