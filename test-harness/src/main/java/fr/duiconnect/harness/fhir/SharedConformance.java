package fr.duiconnect.harness.fhir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the national conformance artefacts (ANS CDA kit, FHIR IG packages) are: never copied into the repository,
 * found through the {@code dui.shared.dir} system property that the build sets for tests, the
 * {@code DUI_SHARED_DIR} environment variable for the command line, or a {@code shared} directory next to the
 * working directory or its parent.
 */
public final class SharedConformance {

    private SharedConformance() {
    }

    public static Path directory() {
        String configured = System.getProperty("dui.shared.dir");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("DUI_SHARED_DIR");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path candidate : new Path[] {Path.of("shared"), Path.of("../shared"), Path.of("../../shared")}) {
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("the shared conformance directory is not found: set -Ddui.shared.dir or DUI_SHARED_DIR");
    }

    /** A FHIR IG package, e.g. {@code fhirPackage("eprescription")} for {@code conformance/fhir/eprescription/package.tgz}. */
    public static Path fhirPackage(String folder) {
        Path file = directory().resolve("conformance/fhir").resolve(folder).resolve("package.tgz");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("FHIR package not found: " + file);
        }
        return file;
    }
}
