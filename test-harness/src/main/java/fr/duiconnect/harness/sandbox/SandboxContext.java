package fr.duiconnect.harness.sandbox;

import fr.duiconnect.core.SharedResources;
import fr.duiconnect.harness.pki.TestPki;

import java.nio.file.Path;

/**
 * What the sandbox gives each simulator: the test PKI (to issue its server certificate and to trust the
 * connector's client certificates), its own working directory, and whether to record every request.
 *
 * @param finess     the FINESS of the sandbox's test structure (the client certificates are issued for it)
 * @param recordDir  where to keep recorded requests, or null when not recording
 * @param shared     what the simulators (and a connector of the same JVM) build once: the FHIR validators
 */
public record SandboxContext(TestPki pki, Path directory, String finess, Path recordDir, SharedResources shared) {

    public boolean recording() {
        return recordDir != null;
    }
}
