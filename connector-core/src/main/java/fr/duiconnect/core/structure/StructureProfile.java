package fr.duiconnect.core.structure;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Require;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One establishment or service (ESMS) the connector acts for, with everything the national services authenticate it
 * by. Immutable: an update is a new profile put in the {@link StructureRegistry}, which is how certificates rotate
 * without a restart (each module rebuilds that structure's TLS context and signer on its next exchange).
 *
 * @param finess          FINESS géographique: VIHF Identifiant_Structure, authorInstitution, journal and audit partition
 * @param finessJuridique FINESS of the legal entity (EJ), which carries the DMP certificates since 2023; may be null
 * @param name            raison sociale
 * @param category        FINESS category or secteur d'activité (e.g. {@code 500} EHPAD, {@code SA17}); may be null
 * @param address         postal address, one line; may be null
 * @param enabled         a disabled structure's requests are refused and its pending operations are not delivered
 * @param services        the services socles it uses, each with its certificates and options
 * @param homologations   homologation numbers of its own, by service ({@code dmp}, {@code insi}...), winning over
 *                        the software's
 */
public record StructureProfile(Finess finess, Finess finessJuridique, String name, String category, String address,
                               boolean enabled, Map<ServiceSocle, StructureService> services, Map<String, String> homologations) {

    public StructureProfile {
        Require.present(finess, "structure.finess");
        Require.text(name, "structure.name");
        services = services == null || services.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(services));
        homologations = homologations == null ? Map.of() : Map.copyOf(homologations);
    }

    public static Builder builder(Finess finess, String name) {
        return new Builder(finess, name);
    }

    public Optional<StructureService> service(ServiceSocle socle) {
        return Optional.ofNullable(services.get(socle));
    }

    public StructureProfile withEnabled(boolean value) {
        return new StructureProfile(finess, finessJuridique, name, category, address, value, services, homologations);
    }

    public StructureProfile withService(ServiceSocle socle, StructureService service) {
        Map<ServiceSocle, StructureService> copy = new EnumMap<>(ServiceSocle.class);
        copy.putAll(services);
        copy.put(socle, Objects.requireNonNull(service, "service"));
        return new StructureProfile(finess, finessJuridique, name, category, address, enabled, copy, homologations);
    }

    /** The software identity as this structure presents it: its own homologation numbers win. */
    public SoftwareIdentity software(SoftwareIdentity base) {
        if (homologations.isEmpty()) {
            return base;
        }
        Map<String, String> merged = new HashMap<>(base.homologations());
        merged.putAll(homologations);
        return new SoftwareIdentity(base.name(), base.version(), merged, base.installationId());
    }

    public static final class Builder {
        private final Finess finess;
        private final String name;
        private Finess finessJuridique;
        private String category;
        private String address;
        private boolean enabled = true;
        private final Map<ServiceSocle, StructureService> services = new EnumMap<>(ServiceSocle.class);
        private final Map<String, String> homologations = new HashMap<>();

        private Builder(Finess finess, String name) {
            this.finess = finess;
            this.name = name;
        }

        public Builder finessJuridique(Finess value) { finessJuridique = value; return this; }

        public Builder category(String value) { category = value; return this; }

        public Builder address(String value) { address = value; return this; }

        public Builder enabled(boolean value) { enabled = value; return this; }

        public Builder service(ServiceSocle socle, StructureService service) { services.put(socle, service); return this; }

        public Builder homologation(String service, String number) { homologations.put(service, number); return this; }

        public StructureProfile build() {
            return new StructureProfile(finess, finessJuridique, name, category, address, enabled, services, homologations);
        }
    }
}
