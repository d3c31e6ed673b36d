package fr.duiconnect.core.spi;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Something a module builds once, on its first use or in the background, whichever comes first: a structure's key
 * stores, TLS contexts, SOAP bus or S/MIME provider. Loading a PKCS#12 store runs its password derivation
 * (PBKDF2, thousands of rounds) in a JVM that has not compiled it yet: built at start, the three services' material
 * kept a connector from accepting work for seconds. Built here, the connector is ready once its journal is open,
 * and the module's {@link ServiceModule#prepare()} builds this behind the readiness signal.
 *
 * <p>The outcome is kept, failure included: a key store whose password is wrong stays so for the connector's life,
 * and every use (and {@code awaitReady()}) names the same configuration error.
 *
 * @param <T> what is built
 */
public final class Deferred<T> {

    private final String name;
    private final Supplier<T> build;
    private T value;
    private RuntimeException failure;

    /** @param name what is built, for the background thread's name (no secret, no patient data) */
    public Deferred(String name, Supplier<T> build) {
        this.name = name;
        this.build = build;
    }

    /** What was built, building it now (or waiting for the build under way) if needed. */
    public synchronized T get() {
        if (value == null && failure == null) {
            try {
                value = build.get();
            } catch (RuntimeException e) {
                failure = e;   // an Error (out of memory) is not kept: the next use tries again
            }
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** Whether it was built (and not failed): what to close. */
    public synchronized boolean isBuilt() {
        return value != null;
    }

    /** Runs the action on what was built, if it was. */
    public void ifBuilt(Consumer<T> action) {
        T built;
        synchronized (this) {
            built = value;
        }
        if (built != null) {
            action.accept(built);
        }
    }

    /** Builds it on a daemon thread of its own; completes when it is built, exceptionally if that failed. */
    public CompletableFuture<T> prepareInBackground() {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                done.complete(get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }, "dui-prepare-" + name);
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
