package fr.duiconnect.core.structure;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.model.Finess;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The structures one connector acts for, by FINESS géographique. Thread-safe; a vendor adds, updates (certificate
 * rotation, new mailbox) and disables structures while the connector runs, and every exchange reads the entry as it
 * is then: the modules keep each structure's TLS context and signer only as long as its entry is the same object.
 *
 * <p>A connector configured for one structure (today's {@code dui.<service>.*} properties) holds a registry of one.
 */
public final class StructureRegistry {

    private final ConcurrentMap<String, StructureProfile> structures = new ConcurrentHashMap<>();

    public static StructureRegistry of(Collection<StructureProfile> profiles) {
        StructureRegistry registry = new StructureRegistry();
        profiles.forEach(registry::put);
        return registry;
    }

    public static StructureRegistry empty() {
        return new StructureRegistry();
    }

    /** Adds the structure, or replaces its entry (the next exchange uses the new certificates). */
    public StructureRegistry put(StructureProfile profile) {
        structures.put(profile.finess().value(), Objects.requireNonNull(profile, "profile"));
        return this;
    }

    /** Disables a structure: its requests are refused and its pending operations are left undelivered. */
    public void disable(Finess finess) {
        setEnabled(finess, false);
    }

    public void enable(Finess finess) {
        setEnabled(finess, true);
    }

    private void setEnabled(Finess finess, boolean enabled) {
        if (structures.computeIfPresent(finess.value(), (key, profile) -> profile.withEnabled(enabled)) == null) {
            throw unknown(finess.value());
        }
    }

    public Optional<StructureProfile> find(String finess) {
        return finess == null ? Optional.empty() : Optional.ofNullable(structures.get(finess));
    }

    /**
     * The structure's entry if it may use the service now.
     *
     * @throws StructureRefusedException {@code STRUCTURE-UNKNOWN}, {@code STRUCTURE-DISABLED} or
     *                                   {@code STRUCTURE-SERVICE-NOT-ENABLED}
     */
    public StructureProfile require(String finess, ServiceSocle socle) {
        StructureProfile profile = find(finess).orElseThrow(() -> unknown(finess));
        return requireActive(profile, socle);
    }

    /** The same checks on an entry already found. */
    public static StructureProfile requireActive(StructureProfile profile, ServiceSocle socle) {
        if (!profile.enabled()) {
            throw new StructureRefusedException(StructureErrorCode.DISABLED, "structure",
                    "the structure " + profile.finess() + " is disabled");
        }
        if (profile.service(socle).isEmpty()) {
            throw new StructureRefusedException(StructureErrorCode.SERVICE_NOT_ENABLED, "structure",
                    "the structure " + profile.finess() + " does not use " + socle.key() + " (its services: "
                            + profile.services().keySet().stream().map(ServiceSocle::key).sorted().toList() + ")");
        }
        return profile;
    }

    public List<StructureProfile> all() {
        return List.copyOf(structures.values());
    }

    public int size() {
        return structures.size();
    }

    private static StructureRefusedException unknown(String finess) {
        return new StructureRefusedException(StructureErrorCode.UNKNOWN, "structure",
                "no structure " + finess + " in the connector's registry");
    }
}
