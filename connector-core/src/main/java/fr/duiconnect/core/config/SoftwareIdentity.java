package fr.duiconnect.core.config;

import fr.duiconnect.core.model.Require;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The software (LPS) as the national services know it: name, version, the homologation or authorisation numbers
 * each service gave it (e.g. {@code insi} = CNDA authorisation number, {@code dmp} = DMP homologation number),
 * and the id of this installation (instance UUID in INSi's ContexteLPS).
 */
public record SoftwareIdentity(String name, String version, Map<String, String> homologations, UUID installationId) {

    public SoftwareIdentity {
        Require.text(name, "software.name");
        Require.text(version, "software.version");
        homologations = homologations == null ? Map.of() : Map.copyOf(homologations);
        Require.present(installationId, "software.installationId");
    }

    public Optional<String> homologation(String service) {
        return Optional.ofNullable(homologations.get(service));
    }
}
