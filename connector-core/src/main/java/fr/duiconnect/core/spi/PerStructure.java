package fr.duiconnect.core.spi;

import fr.duiconnect.core.structure.StructureErrorCode;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureRefusedException;
import fr.duiconnect.core.structure.StructureRegistry;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;


/**
 * A module's state for each structure: its TLS context, signer, transport and client, built on the structure's first
 * exchange (an idle structure costs nothing here) and kept while its registry entry is the same object. An updated
 * entry (rotated certificate, new mailbox) is a new object, so the next exchange builds afresh from it; an exchange
 * already under way finishes with the identity it started with. Keyed by FINESS within one module, which makes the
 * cache one per structure and service.
 *
 * <p>The instance the module builds from its own {@code dui.<service>.*} properties stands for the structure those
 * properties name, as long as its registry entry is the one the connector started with. It is {@link Deferred}:
 * built by {@link #prepare()} in the background once the connector has started, or at its first use if that comes
 * first, so that key stores and TLS contexts do not hold the connector's start.
 *
 * @param <T> what the module holds per structure
 */
public final class PerStructure<T> {

    private record Held<T>(StructureProfile profile, T value) {
    }

    private final ModuleContext context;
    private final Function<StructureProfile, T> factory;
    private final ConcurrentMap<String, Held<T>> held = new ConcurrentHashMap<>();
    private final String configuredFiness;
    private final Deferred<T> configured;
    private final StructureProfile configuredEntry;

    /**
     * @param configuredFiness the FINESS the module's own properties name, or null
     * @param configured       what the module built from them, or null when they name no structure
     * @param factory          builds a structure's state from its entry (through {@link ModuleContext#endpointFor})
     */
    public PerStructure(ModuleContext context, String configuredFiness, T configured, Function<StructureProfile, T> factory) {
        this(context, configuredFiness, configured == null ? null : new Deferred<>(context.socle().key(), () -> configured), factory);
    }

    private PerStructure(ModuleContext context, String configuredFiness, Deferred<T> configured, Function<StructureProfile, T> factory) {
        this.context = context;
        this.factory = factory;
        this.configuredFiness = configured == null ? null : configuredFiness;
        this.configured = configured;
        this.configuredEntry = context.structures().find(this.configuredFiness).orElse(null);
    }

    /**
     * The state of the structure the module's own properties name built later ({@link #prepare()} or first use), not
     * now; their configuration errors are then reported by the readiness signal and by each use.
     *
     * @param configured builds it, or null when those properties name no structure
     */
    public static <T> PerStructure<T> deferred(ModuleContext context, String configuredFiness, Supplier<T> configured,
                                               Function<StructureProfile, T> factory) {
        return new PerStructure<>(context, configuredFiness,
                configured == null ? null : new Deferred<>(context.socle().key(), configured), factory);
    }

    /** The state for a structure's entry as the registry holds it now (already checked enabled and using the service). */
    public T of(StructureProfile profile) {
        if (configured != null && profile == configuredEntry) {
            return configured.get();
        }
        return held.compute(profile.finess().value(), (finess, old) ->
                old != null && old.profile() == profile ? old : new Held<>(profile, factory.apply(profile))).value();
    }

    /**
     * The state for the structure a journaled operation was accepted for: its entry must still be enabled and use the
     * service; a FINESS no entry holds is refused, never delivered with another structure's identity.
     */
    public T forFiness(String finess) {
        // null: the structure the service's own properties describe (its default client names none)
        String named = finess == null ? configuredFiness : finess;
        if (named == null && configured != null) {
            return configured.get();
        }
        Optional<StructureProfile> entry = context.structures().find(named);
        if (entry.isPresent()) {
            return of(StructureRegistry.requireActive(entry.get(), context.socle()));
        }
        if (configured != null && named != null && named.equals(configuredFiness)) {
            return configured.get();
        }
        throw new StructureRefusedException(StructureErrorCode.UNKNOWN, "structure",
                "no structure " + finess + " in the connector's registry: its operations are not delivered");
    }

    /** What the module built from its own properties, if they name a structure (built now if it was not yet). */
    public Optional<T> configured() {
        return configured == null ? Optional.empty() : Optional.of(configured.get());
    }

    /** Whether the module's own properties name a structure (nothing is built to answer). */
    public boolean hasConfigured() {
        return configured != null;
    }

    /**
     * Builds the configured structure's state in the background: what {@link ServiceModule#prepare()} returns, so the
     * connector's health says when it is ready, or which configuration error it met.
     */
    public CompletableFuture<?> prepare() {
        return configured == null ? CompletableFuture.completedFuture(null) : configured.prepareInBackground();
    }

    /**
     * The client {@code connector.<service>()} answers: with a structure named by the service's own properties, a client
     * that goes to that structure's client at each call (building its state first if the background has not yet);
     * without one, {@link #structureRequired}.
     *
     * @param clientOf the client a structure's state holds
     */
    public <C> C configuredClient(Class<C> clientType, Function<T, C> clientOf) {
        if (configured == null) {
            return structureRequired(clientType, context.socle());
        }
        return clientProxy(clientType, context.socle().key() + " client", (method, args) -> {
            try {
                return method.invoke(clientOf.apply(configured.get()), args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /**
     * The client {@code connector.<service>()} answers when the service's properties name no structure (the structures
     * come from the registry only): each call says to name one.
     */
    public static <C> C structureRequired(Class<C> clientType, fr.duiconnect.core.ServiceSocle socle) {
        return clientProxy(clientType, socle.key() + " client (no structure)", (method, args) -> {
            throw new fr.duiconnect.core.error.ConfigurationException("dui." + socle.key() + ".option.finess",
                    "this connector serves several structures and its " + socle.key()
                            + " properties name none: use connector.forStructure(finess)." + socle.key() + "()");
        });
    }

    private interface ClientCall {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    /** A client interface's proxy: its own methods go to {@code call}; equals, hashCode and toString are the proxy's. */
    private static <C> C clientProxy(Class<C> clientType, String label, ClientCall call) {
        return clientType.cast(java.lang.reflect.Proxy.newProxyInstance(clientType.getClassLoader(), new Class<?>[] {clientType},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : label;
                    }
                    return call.invoke(method, args);
                }));
    }

    /** Every state built so far (for closing the module). */
    public java.util.List<T> built() {
        java.util.List<T> all = new java.util.ArrayList<>(held.values().stream().map(Held::value).toList());
        if (configured != null) {
            configured.ifBuilt(all::add);
        }
        return all;
    }
}
