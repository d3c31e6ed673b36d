package fr.duiconnect.core.config;

import fr.duiconnect.core.error.ConfigurationException;

import java.time.Duration;

/**
 * Connect and read timeouts of one client. Never infinite: zero or negative durations are refused, so that no
 * call can hang a DUI thread forever.
 */
public record Timeouts(Duration connect, Duration read) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

    public Timeouts {
        if (connect == null || connect.isZero() || connect.isNegative()) {
            throw new ConfigurationException("timeout.connect", "must be a positive duration (never infinite)");
        }
        if (read == null || read.isZero() || read.isNegative()) {
            throw new ConfigurationException("timeout.read", "must be a positive duration (never infinite)");
        }
    }
}
