package fr.duiconnect.core.structure;

import fr.duiconnect.core.config.KeyStoreMaterial;

import java.util.List;
import java.util.Map;

/**
 * What one structure holds for one service socle: its authentication certificate (mutual TLS: ORG AUTH_CLI for INSi
 * and the DMP, the application mailbox's for MSSanté), its signature certificate (ORG SIGN: VIHF and XAdES for the
 * DMP) and its own options, read like the service's {@code dui.<service>.option.*} (VIHF settings, mailbox and
 * credentials files, e-parcours structure name...). Key material stays on disk behind its {@link KeyStoreMaterial}
 * and its {@code Secret}: nothing here prints a password.
 *
 * @param authentication the TLS client key, or null when the service authenticates the structure otherwise
 * @param signature      the signing key, or null when the service signs nothing (or the option names it)
 * @param options        the structure's options; they win over the endpoint's
 */
public record StructureService(KeyStoreMaterial authentication, KeyStoreMaterial signature, Map<String, String> options) {

    /**
     * Endpoint options that identify a structure. A structure never inherits them from the shared endpoint
     * configuration, so that one left out of its entry is missing, not silently another structure's.
     */
    public static final List<String> IDENTITY_OPTIONS = List.of("finess", "emitter", "sign.", "vihf.name-id", "vihf.subject-id",
            "mailbox", "reply-to", "auth.", "smime.keystore", "token.", "structure.", "note-id.");

    public StructureService {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static StructureService of(KeyStoreMaterial authentication, KeyStoreMaterial signature) {
        return new StructureService(authentication, signature, Map.of());
    }

    public static boolean isIdentityOption(String name) {
        return IDENTITY_OPTIONS.stream().anyMatch(prefix -> prefix.endsWith(".") ? name.startsWith(prefix)
                : name.equals(prefix) || name.startsWith(prefix + "."));
    }

    public StructureService withOption(String name, String value) {
        var copy = new java.util.HashMap<>(options);
        copy.put(name, value);
        return new StructureService(authentication, signature, copy);
    }
}
