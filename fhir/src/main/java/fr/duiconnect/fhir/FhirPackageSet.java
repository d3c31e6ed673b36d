package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.duiconnect.core.error.ConfigurationException;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FHIR implementation guide packages ({@code package.tgz}) a module validates against, read from configured
 * locations (never bundled: the IGs are the ANS's published artefacts). Keeps each package's conformance
 * resources (StructureDefinition, ValueSet, CodeSystem, SearchParameter) and examples, and works out which
 * declared dependency packages were not provided, so that the validator can say what it could not check.
 */
public final class FhirPackageSet {

    /** Packages whose content HAPI already holds: the FHIR R4 core specification. */
    private static final Set<String> BUILT_IN = Set.of("hl7.fhir.r4.core");

    private static final Set<String> CONFORMANCE_TYPES = Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter");

    /** One loaded package. {@code canonical} is the IG's canonical base, e.g. {@code https://interop.esante.gouv.fr/ig/fhir/cdl}. */
    public record FhirPackage(String name, String version, String canonical, Map<String, String> dependencies,
                              Map<String, String> dependencyCanonicals, List<IBaseResource> conformance,
                              Map<String, String> examples) {
        public String id() {
            return name + "#" + version;
        }
    }

    /**
     * A dependency a loaded package declares and that was not provided.
     *
     * @param canonical the dependency's canonical base as the requiring IG declares it ({@code dependsOn.uri}), or null
     */
    public record MissingDependency(String name, String version, String canonical, String requiredBy) {
        public String id() {
            return name + "#" + version;
        }
    }

    private final List<FhirPackage> packages;
    private final List<MissingDependency> missing;

    private FhirPackageSet(List<FhirPackage> packages, List<MissingDependency> missing) {
        this.packages = List.copyOf(packages);
        this.missing = List.copyOf(missing);
    }

    /** Loads the packages (an IG and whichever of its dependencies are available), parsing with the given context. */
    public static FhirPackageSet load(FhirContext context, List<Path> files) {
        if (files.isEmpty()) {
            throw new ConfigurationException("ig.packages", "at least one FHIR IG package (package.tgz) must be configured");
        }
        ObjectMapper json = new ObjectMapper();
        List<FhirPackage> loaded = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("ig.packages", "the FHIR package " + file + " does not exist");
            }
            try {
                loaded.add(read(context, json, file));
            } catch (IOException | RuntimeException e) {
                throw new ConfigurationException("ig.packages", "the FHIR package " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
        Set<String> provided = new java.util.HashSet<>(BUILT_IN);
        loaded.forEach(p -> provided.add(p.name()));
        List<MissingDependency> missing = new ArrayList<>();
        for (FhirPackage p : loaded) {
            p.dependencies().forEach((name, version) -> {
                if (!provided.contains(name)) {
                    missing.add(new MissingDependency(name, version, canonicalOf(p, name), p.id()));
                }
            });
        }
        return new FhirPackageSet(loaded, missing);
    }

    private static String canonicalOf(FhirPackage requiring, String dependency) {
        return requiring.dependencyCanonicals().get(dependency);
    }

    private static FhirPackage read(FhirContext context, ObjectMapper json, Path file) throws IOException {
        Map<String, byte[]> entries = TarGzReader.read(file, name -> name.startsWith("package/") && name.endsWith(".json"));
        byte[] manifest = entries.get("package/package.json");
        if (manifest == null) {
            throw new IOException("no package/package.json: not a FHIR NPM package");
        }
        JsonNode packageJson = json.readTree(manifest);
        Map<String, String> dependencies = new LinkedHashMap<>();
        packageJson.path("dependencies").fields().forEachRemaining(e -> dependencies.put(e.getKey(), e.getValue().asText()));
        String canonical = packageJson.path("canonical").asText(null);
        Map<String, String> dependsOn = new LinkedHashMap<>();
        List<IBaseResource> conformance = new ArrayList<>();
        Map<String, String> examples = new LinkedHashMap<>();
        var parser = context.newJsonParser();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("package/example/")) {
                examples.put(name.substring("package/example/".length()), new String(entry.getValue(), StandardCharsets.UTF_8));
                continue;
            }
            if (name.indexOf('/', "package/".length()) >= 0 || name.endsWith("package.json") || name.endsWith(".index.json")) {
                continue;
            }
            JsonNode node = json.readTree(entry.getValue());
            String type = node.path("resourceType").asText();
            if ("ImplementationGuide".equals(type)) {
                for (JsonNode dep : node.path("dependsOn")) {
                    String uri = dep.path("uri").asText("");
                    int cut = uri.indexOf("/ImplementationGuide/");
                    dependsOn.put(dep.path("packageId").asText(), cut > 0 ? uri.substring(0, cut) : uri);
                }
            } else if (CONFORMANCE_TYPES.contains(type)) {
                conformance.add(parser.parseResource(new String(entry.getValue(), StandardCharsets.UTF_8)));
            }
        }
        return new FhirPackage(packageJson.path("name").asText(), packageJson.path("version").asText(), canonical,
                Collections.unmodifiableMap(dependencies), Collections.unmodifiableMap(dependsOn), List.copyOf(conformance),
                Collections.unmodifiableMap(examples));
    }

    public List<FhirPackage> packages() {
        return packages;
    }

    /** Declared dependencies that were not provided: what the validator cannot check (see {@link ProfileValidator}). */
    public List<MissingDependency> missingDependencies() {
        return missing;
    }

    /** The package of that name, e.g. {@code ans.fhir.fr.eprescription}. */
    public FhirPackage get(String name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigurationException("ig.packages", "the FHIR package " + name + " is not configured"));
    }
}
