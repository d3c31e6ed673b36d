package fr.duiconnect.eparcours;

import fr.duiconnect.core.config.BearerTokenProvider;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.eparcours.NoteVisibility;
import fr.duiconnect.core.error.ConfigurationException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The e-parcours module's configuration, from the endpoint {@code dui.eparcours.*}:
 *
 * <pre>
 * dui.eparcours.url=https://plateforme.example.fr/fhir           (gestionnaire de cahier de liaison, FHIR R4)
 * dui.eparcours.tls.truststore=...   dui.eparcours.timeout.read=PT30S
 * dui.eparcours.option.ig.dependencies=/path/fhir/deps  (folder of name#version packages the IGs depend on; default: deps beside the IG folders)
 * dui.eparcours.option.ig.packages=/path/cahier-de-liaison/package.tgz,/path/cercle-de-soins/package.tgz[,FR Core...]
 * dui.eparcours.option.finess=750000010          dui.eparcours.option.structure.name=EHPAD Les Tilleuls
 * dui.eparcours.option.note-id.system=urn:oid:... (namespace of the DUI's note ids; default derived from the FINESS)
 * dui.eparcours.option.visibility.system=...      (TRE_A07 system, UNCONFIRMED default)
 * dui.eparcours.option.token.file=...             (bearer token, unless a provider is set in code)
 * dui.eparcours.option.pull.max-pages=20
 * dui.eparcours.option.subscription.event-type=code|system|display  (NdE event type; UNCONFIRMED, none by default)
 * dui.eparcours.option.note.conditional-create=false (ifNoneExist on the note's identifier; UNCONFIRMED, see below)
 * </pre>
 */
public record EParcoursSettings(EndpointConfig endpoint, List<Path> packages, Path dependencyFolder, String finess, String structureName,
                                String noteIdSystem, String visibilitySystem, BearerTokenProvider configuredToken, int maxPages,
                                fr.duiconnect.core.model.Code subscriptionEventType, boolean conditionalNoteCreate) {

    public static EParcoursSettings from(EndpointConfig endpoint) {
        String packages = endpoint.option("ig.packages").orElseThrow(() -> new ConfigurationException(
                "dui.eparcours.option.ig.packages", "the cahier de liaison IG package (package.tgz) location is required for validation"));
        List<Path> files = Arrays.stream(packages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        String finess = endpoint.option("finess").orElseThrow(() -> new ConfigurationException("dui.eparcours.option.finess",
                "the structure's FINESS is required (author organisation, note namespace, indicators)"));
        BearerTokenProvider token = endpoint.option("token.file").map(f -> BearerTokenProvider.fixed(Secret.fromFile(Path.of(f)))).orElse(null);
        return new EParcoursSettings(endpoint, files, fr.duiconnect.fhir.FhirPackageSet.dependencyFolder(endpoint.option("ig.dependencies"), files), finess, endpoint.option("structure.name").orElse("Structure " + finess),
                endpoint.option("note-id.system").orElse("urn:dui-connect:cdl:" + finess),
                endpoint.option("visibility.system").orElse(NoteVisibility.DEFAULT_SYSTEM), token,
                Integer.parseInt(endpoint.option("pull.max-pages").orElse("20")),
                endpoint.option("subscription.event-type").map(EParcoursSettings::code).orElse(null),
                // The CdL IG's capability statement declares no conditional create for notes, so it is off by default;
                // where a platform honours ifNoneExist, it closes the last duplicate window (a retry racing a slow first post).
                Boolean.parseBoolean(endpoint.option("note.conditional-create").orElse("false")));
    }

    /** {@code code|system|display}: no NdE event type for a new cahier de liaison note is published (UNCONFIRMED). */
    private static fr.duiconnect.core.model.Code code(String value) {
        String[] parts = value.split("\\|", -1);
        if (parts.length < 2) {
            throw new ConfigurationException("dui.eparcours.option.subscription.event-type", "must be code|system[|display]");
        }
        return fr.duiconnect.core.model.Code.of(parts[0], parts[1], parts.length > 2 ? parts[2] : null);
    }

}
