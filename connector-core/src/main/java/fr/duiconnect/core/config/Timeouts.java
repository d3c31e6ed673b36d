package fr.duiconnect.core.config;

import fr.duiconnect.core.error.ConfigurationException;

import java.time.Duration;

/**
 * Connect and read timeouts of one client. Never infinite: zero or negative durations are refused, so that no
 * call can hang a DUI thread forever. A read timeout alone bounds each read, not the exchange: a peer that sends one
 * byte now and then would hold the call for ever, so every exchange also has a whole deadline, {@link #exchange()}.
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

    /** The deadline of a whole exchange (connection, request and complete answer): connect plus read. */
    public Duration exchange() {
        return connect.plus(read);
    }
}
