package fr.duiconnect.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * What modules build once and share because it is costly, immutable and thread-safe once built (the FHIR
 * validators over FR Core and the IGs: seconds and hundreds of MB each). A connector makes one of its own unless
 * {@link DuiConnector.Builder#sharedResources} gives it one: two connectors in one JVM (or a connector and the
 * sandbox's simulators) given the same instance build each such thing once. Not a static singleton: whoever
 * creates an instance closes it, and tests build their own.
 */
public final class SharedResources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedResources.class);

    private final ConcurrentMap<Class<?>, Object> values = new ConcurrentHashMap<>();

    /** The one value of that type, made by {@code factory} on first use. */
    public <T> T get(Class<T> type, Function<SharedResources, T> factory) {
        return type.cast(values.computeIfAbsent(type, key -> factory.apply(this)));
    }

    /** Closes the values that hold threads or files (those that are {@link AutoCloseable}). */
    @Override
    public void close() {
        List<Object> held = new ArrayList<>(values.values());
        values.clear();
        for (Object value : held) {
            if (value instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("a shared resource did not close cleanly: {}", e.getMessage());
                }
            }
        }
    }
}
