package fr.duiconnect.annuaire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded cache whose entries expire: a DUI sending a thousand DLUs a night asks the directory once per
 * professional, and a change in the directory is seen after the configured time at most. Least recently used
 * entries go first when full. Lookups of different keys may overlap; the same key may be loaded twice in a race,
 * which costs one extra call and is harmless.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<K, Entry<V>> entries;

    ExpiringCache(Clock clock, Duration ttl, int maxSize) {
        this.clock = clock;
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxSize;
            }
        };
    }

    V get(K key, Supplier<V> loader) {
        Instant now = clock.instant();
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            if (entry != null && now.isBefore(entry.expires())) {
                return entry.value();
            }
        }
        V value = loader.get();
        synchronized (entries) {
            entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
        }
        return value;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
