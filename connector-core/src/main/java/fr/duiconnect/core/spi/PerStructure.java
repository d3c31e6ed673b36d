package fr.duiconnect.core.spi;

import fr.duiconnect.core.structure.StructureErrorCode;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureRefusedException;
import fr.duiconnect.core.structure.StructureRegistry;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A module's state for each structure: its TLS context, signer, transport and client, built on the structure's first
 * exchange (an idle structure costs nothing here) and kept while its registry entry is the same object. An updated
 * entry (rotated certificate, new mailbox) is a new object, so the next exchange builds afresh from it; an exchange
 * already under way finishes with the identity it started with. Keyed by FINESS within one module, which makes the
 * cache one per structure and service.
 *
 * <p>The instance the module built at start from its own {@code dui.<service>.*} properties stands for the structure
 * those properties name, as long as its registry entry is the one the connector started with.
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
    private final T configured;
    private final StructureProfile configuredEntry;

    /**
     * @param configuredFiness the FINESS the module's own properties name, or null
     * @param configured       what the module built from them, or null when they name no structure
     * @param factory          builds a structure's state from its entry (through {@link ModuleContext#endpointFor})
     */
    public PerStructure(ModuleContext context, String configuredFiness, T configured, Function<StructureProfile, T> factory) {
        this.context = context;
        this.factory = factory;
        this.configuredFiness = configured == null ? null : configuredFiness;
        this.configured = configured;
        this.configuredEntry = context.structures().find(this.configuredFiness).orElse(null);
    }

    /** The state for a structure's entry as the registry holds it now (already checked enabled and using the service). */
    public T of(StructureProfile profile) {
        if (configured != null && profile == configuredEntry) {
            return configured;
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
            return configured;
        }
        Optional<StructureProfile> entry = context.structures().find(named);
        if (entry.isPresent()) {
            return of(StructureRegistry.requireActive(entry.get(), context.socle()));
        }
        if (configured != null && named != null && named.equals(configuredFiness)) {
            return configured;
        }
        throw new StructureRefusedException(StructureErrorCode.UNKNOWN, "structure",
                "no structure " + finess + " in the connector's registry: its operations are not delivered");
    }

    /** What the module built from its own properties, if they name a structure. */
    public Optional<T> configured() {
        return Optional.ofNullable(configured);
    }

    /**
     * The client {@code connector.<service>()} answers when the service's properties name no structure (the structures
     * come from the registry only): each call says to name one.
     */
    public static <C> C structureRequired(Class<C> clientType, fr.duiconnect.core.ServiceSocle socle) {
        return clientType.cast(java.lang.reflect.Proxy.newProxyInstance(clientType.getClassLoader(), new Class<?>[] {clientType},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : socle.key() + " client (no structure)";
                    }
                    throw new fr.duiconnect.core.error.ConfigurationException("dui." + socle.key() + ".option.finess",
                            "this connector serves several structures and its " + socle.key()
                                    + " properties name none: use connector.forStructure(finess)." + socle.key() + "()");
                }));
    }

    /** Every state built so far (for closing the module). */
    public java.util.List<T> built() {
        java.util.List<T> all = new java.util.ArrayList<>(held.values().stream().map(Held::value).toList());
        configured().ifPresent(all::add);
        return all;
    }
}
