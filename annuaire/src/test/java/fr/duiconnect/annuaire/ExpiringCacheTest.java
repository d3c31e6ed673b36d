package fr.duiconnect.annuaire;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory cache: a repeated lookup is served from memory until its entry expires; the size is bounded. */
class ExpiringCacheTest {

    private Instant now = Instant.parse("2026-12-02T20:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final AtomicInteger loads = new AtomicInteger();

    private String load() {
        return "value " + loads.incrementAndGet();
    }

    @Test
    void aRepeatedLookupWithinTheTtlDoesNotLoadAgain() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ofHours(12), 10);
        cache.get("10000000009", this::load);
        now = now.plus(Duration.ofHours(11).plusMinutes(59));
        assertThat(cache.get("10000000009", this::load)).isEqualTo("value 1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void anExpiredEntryIsLoadedAgain() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ofHours(12), 10);
        cache.get("10000000009", this::load);
        now = now.plus(Duration.ofHours(12));
        assertThat(cache.get("10000000009", this::load)).isEqualTo("value 2");
    }

    @Test
    void theLeastRecentlyUsedEntryLeavesWhenTheCacheIsFull() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ofHours(12), 2);
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.get("a", this::load);
        cache.get("c", this::load);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a", this::load)).isEqualTo("value 1");
        assertThat(cache.get("b", this::load)).isEqualTo("value 4");
    }

    @Test
    void aZeroTtlDisablesCaching() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ZERO, 10);
        cache.get("a", this::load);
        assertThat(cache.get("a", this::load)).isEqualTo("value 2");
    }
}
