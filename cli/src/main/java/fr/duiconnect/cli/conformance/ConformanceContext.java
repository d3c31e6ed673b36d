package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What scenarios run against: a connector (towards the sandbox or real endpoints), the sandbox when there is one
 * (scenarios that need to make a simulator misbehave are skipped without it), and the reference material's
 * locations (never copied into the product).
 */
public record ConformanceContext(DuiConnector connector, Sandbox sandbox, Path cdaKit, Path fhirPackages, Path workDirectory) {

    public Optional<Sandbox> sandboxIfAny() {
        return Optional.ofNullable(sandbox);
    }

    public Optional<Path> cdaKitIfAny() {
        return Optional.ofNullable(cdaKit);
    }

    public Optional<Path> fhirPackagesIfAny() {
        return Optional.ofNullable(fhirPackages);
    }
}
