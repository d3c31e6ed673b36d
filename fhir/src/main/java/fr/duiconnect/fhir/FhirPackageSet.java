package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParserErrorHandler.IParseLocation;
import fr.duiconnect.core.error.ConfigurationException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The FHIR implementation guide packages ({@code package.tgz}) a module validates against, read with HAPI's
 * {@link NpmPackage} from configured locations (never bundled: the IGs are the ANS's published artefacts), and
 * every package they declare as a dependency, resolved by {@code name#version} in a packages folder (entries named
 * {@code name#version}, each a folder holding {@code package.tgz} or a file {@code name#version.tgz}). When the
 * exact version is absent the nearest one of the same name is used, and said ({@link #substitutions()}); a
 * dependency of no available version is listed as missing, so that the validator can say what it could not check.
 */
public final class FhirPackageSet {

    /** Packages whose content HAPI already holds: the FHIR R4 core specification. */
    private static final Logger LOG = LoggerFactory.getLogger(FhirPackageSet.class);
    private static final Set<String> BUILT_IN = Set.of("hl7.fhir.r4.core");

    private static final String[] CONFORMANCE_TYPES = {"StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter"};

    /**
     * One loaded package. {@code canonical} is the IG's canonical base, e.g. {@code https://interop.esante.gouv.fr/ig/fhir/cdl};
     * {@code depth} is 0 for a configured IG, 1 for its declared dependencies, 2 for theirs...
     */
    public record FhirPackage(String name, String version, String canonical, int depth, Map<String, String> dependencies,
                              Map<String, String> dependencyCanonicals, List<IBaseResource> conformance,
                              Map<String, String> examples) {
        public String id() {
            return name + "#" + version;
        }

        /** The same package (the same parsed resources, not a copy) at another depth of another set. */
        FhirPackage atDepth(int other) {
            return other == depth ? this : new FhirPackage(name, version, canonical, other, dependencies, dependencyCanonicals, conformance, examples);
        }
    }

    /**
     * A dependency a loaded package declares and that no available package provides.
     *
     * @param canonical the dependency's canonical base as the requiring IG declares it ({@code dependsOn.uri}), or null
     */
    public record MissingDependency(String name, String version, String canonical, String requiredBy) {
        public String id() {
            return name + "#" + version;
        }
    }

    /** A dependency resolved to another version of the same package (the declared one is not available). */
    public record Substitution(String declared, String used, String requiredBy) {
    }

    private final List<FhirPackage> packages;
    private final List<MissingDependency> missing;
    private final List<Substitution> substitutions;

    private FhirPackageSet(List<FhirPackage> packages, List<MissingDependency> missing, List<Substitution> substitutions) {
        this.packages = List.copyOf(packages);
        this.missing = List.copyOf(missing);
        this.substitutions = List.copyOf(substitutions);
    }

    /** The packages folder used when none is configured: {@code deps} beside the IG packages' folders ({@code fhir/deps}). */
    public static Path defaultDependencyFolder(List<Path> igs) {
        if (igs.isEmpty()) {
            throw new ConfigurationException("ig.packages", "at least one FHIR IG package (package.tgz) must be configured");
        }
        Path folder = igs.get(0).toAbsolutePath().getParent();
        if (folder.getParent() == null) {
            return folder.resolve("deps");
        }
        // An IG that sits in a packages folder itself (its folder named name#version, as the annuaire IG in deps/)
        // finds its dependencies beside it; an IG in a folder of its own, in the deps folder next to it.
        return folder.getFileName().toString().contains("#") ? folder.getParent() : folder.getParent().resolve("deps");
    }

    /** The configured packages folder (a module's {@code ig.dependencies} option), else the default one. */
    public static Path dependencyFolder(Optional<String> configured, List<Path> igs) {
        return configured.map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).orElseGet(() -> defaultDependencyFolder(igs));
    }

    /** Loads the IGs and their dependencies from the default packages folder ({@link #defaultDependencyFolder}). */
    public static FhirPackageSet load(FhirContext context, List<Path> igs) {
        return load(context, igs, defaultDependencyFolder(igs));
    }

    /**
     * Loads the IGs, then every package they depend on (transitively) from {@code dependencyFolder}; a folder that
     * does not exist provides nothing (every dependency is then missing).
     */
    public static FhirPackageSet load(FhirContext context, List<Path> igs, Path dependencyFolder) {
        return load(igs, dependencyFolder, file -> read(context, file, 0));
    }

    /**
     * As {@link #load(FhirContext, List, Path)}, each package file read by {@code reader} (at depth 0): a reader that
     * keeps what it read lets several sets share the parsed packages (FR Core read once per JVM, not once per module).
     */
    static FhirPackageSet load(List<Path> igs, Path dependencyFolder, java.util.function.Function<Path, FhirPackage> reader) {
        if (igs.isEmpty()) {
            throw new ConfigurationException("ig.packages", "at least one FHIR IG package (package.tgz) must be configured");
        }
        Map<String, Path> available = available(dependencyFolder);
        Map<String, FhirPackage> loaded = new LinkedHashMap<>();
        Deque<FhirPackage> toResolve = new ArrayDeque<>();
        for (Path file : igs) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("ig.packages", "the FHIR package " + file + " does not exist");
            }
            FhirPackage ig = reader.apply(file);
            loaded.putIfAbsent(ig.id(), ig);
            toResolve.add(ig);
        }
        List<MissingDependency> missing = new ArrayList<>();
        List<Substitution> substitutions = new ArrayList<>();
        while (!toResolve.isEmpty()) {
            FhirPackage requiring = toResolve.poll();
            requiring.dependencies().forEach((name, version) -> {
                if (BUILT_IN.contains(name)) {
                    return;
                }
                Optional<String> chosen = choose(available.keySet(), name, version);
                if (chosen.isEmpty()) {
                    missing.add(new MissingDependency(name, version, requiring.dependencyCanonicals().get(name), requiring.id()));
                    return;
                }
                if (!chosen.get().equals(name + "#" + version)) {
                    substitutions.add(new Substitution(name + "#" + version, chosen.get(), requiring.id()));
                }
                if (!loaded.containsKey(chosen.get())) {
                    FhirPackage dependency = reader.apply(available.get(chosen.get())).atDepth(requiring.depth() + 1);
                    loaded.put(chosen.get(), dependency);
                    toResolve.add(dependency);
                }
            });
        }
        return new FhirPackageSet(new ArrayList<>(loaded.values()), missing, substitutions);
    }

    /** The packages of the folder, by {@code name#version}. */
    private static Map<String, Path> available(Path folder) {
        Map<String, Path> found = new LinkedHashMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            entries.sorted().forEach(entry -> {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && name.contains("#") && Files.isRegularFile(entry.resolve("package.tgz"))) {
                    found.put(name, entry.resolve("package.tgz"));
                } else if (Files.isRegularFile(entry) && name.contains("#") && name.endsWith(".tgz")) {
                    found.put(name.substring(0, name.length() - ".tgz".length()), entry);
                }
            });
        } catch (IOException e) {
            throw new ConfigurationException("ig.dependencies", "the FHIR packages folder " + folder + " cannot be listed: " + e.getMessage(), e);
        }
        return found;
    }

    /** The exact {@code name#version} if available, else the nearest version of that name (the newer on a tie). */
    static Optional<String> choose(Set<String> available, String name, String version) {
        if (available.contains(name + "#" + version)) {
            return Optional.of(name + "#" + version);
        }
        int[] wanted = numbers(version);
        return available.stream().filter(id -> id.startsWith(name + "#"))
                .min(Comparator.<String>comparingLong(id -> distance(wanted, numbers(id.substring(name.length() + 1))))
                        .thenComparing(Comparator.<String, String>comparing(id -> id).reversed()));
    }

    private static long distance(int[] a, int[] b) {
        long distance = 0;
        for (int i = 0; i < 3; i++) {
            distance = distance * 1000 + Math.abs(a[i] - b[i]);
        }
        return distance;
    }

    /** major, minor, patch of a version such as {@code 1.2.0-snapshot-2} (missing parts are 0). */
    private static int[] numbers(String version) {
        int[] parts = new int[3];
        String[] split = version.split("[.-]");
        for (int i = 0, n = 0; i < split.length && n < 3; i++, n++) {
            if (!split[i].matches("\\d{1,6}")) {
                break;
            }
            parts[n] = Integer.parseInt(split[i]);
        }
        return parts;
    }

    static FhirPackage read(FhirContext context, Path file, int depth) {
        try (InputStream in = Files.newInputStream(file)) {
            NpmPackage npm = NpmPackage.fromPackage(in);
            Map<String, String> dependencies = new LinkedHashMap<>();
            for (String dependency : npm.dependencies()) {
                int hash = dependency.indexOf('#');
                dependencies.put(dependency.substring(0, hash), dependency.substring(hash + 1));
            }
            // Packages built with newer IG tooling carry a few R5 elements (e.g. ValueSet.author) that R4 does not
            // know: they are dropped, as any R4 validator does, and said once per package at DEBUG rather than as a
            // parser WARN per element on every start.
            List<String> unknown = new ArrayList<>();
            var parser = context.newJsonParser().setParserErrorHandler(new ErrorHandlerAdapter() {
                @Override
                public void unknownElement(IParseLocation location, String name) {
                    unknown.add(name);
                }
            });
            List<IBaseResource> conformance = new ArrayList<>();
            for (String name : npm.listResources(CONFORMANCE_TYPES)) {
                try (InputStream resource = npm.loadResource(name)) {
                    conformance.add(parser.parseResource(resource));
                }
            }
            Map<String, String> dependsOn = new LinkedHashMap<>();
            for (String name : npm.listResources("ImplementationGuide")) {
                try (InputStream resource = npm.loadResource(name)) {
                    if (parser.parseResource(resource) instanceof ImplementationGuide guide) {
                        guide.getDependsOn().forEach(dep -> {
                            String uri = dep.getUri();
                            int cut = uri == null ? -1 : uri.indexOf("/ImplementationGuide/");
                            dependsOn.put(dep.getPackageId(), cut > 0 ? uri.substring(0, cut) : uri);
                        });
                    }
                }
            }
            if (!unknown.isEmpty()) {
                LOG.debug("FHIR package {}: {} element(s) unknown to R4 dropped: {}", file.getParent().getFileName(), unknown.size(), unknown);
            }
            Map<String, String> examples = new LinkedHashMap<>();
            NpmPackage.NpmPackageFolder folder = npm.getFolders().get("example");
            if (folder != null) {
                for (String name : folder.listFiles()) {
                    if (name.endsWith(".json") && !name.endsWith(".index.json")) {
                        examples.put(name, new String(folder.fetchFile(name), StandardCharsets.UTF_8));
                    }
                }
            }
            return new FhirPackage(npm.name(), npm.version(), npm.canonical(), depth, Collections.unmodifiableMap(dependencies),
                    Collections.unmodifiableMap(dependsOn), List.copyOf(conformance), Collections.unmodifiableMap(examples));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("ig.packages", "the FHIR package " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every loaded package: the configured IGs first, then their dependencies, nearest first. */
    public List<FhirPackage> packages() {
        return packages;
    }

    /**
     * The packages in the order their resources are registered with a validator: where two versions of a package
     * define the same canonical, the one an IG declares directly (then the first configured IG's) is registered last,
     * so that it answers for the unversioned canonical.
     */
    public List<FhirPackage> registrationOrder() {
        List<FhirPackage> order = new ArrayList<>(packages);
        Collections.reverse(order);
        order.sort(Comparator.comparingInt(FhirPackage::depth).reversed());
        return order;
    }

    /** Declared dependencies that no available package provides: what the validator cannot check (see {@link ProfileValidator}). */
    public List<MissingDependency> missingDependencies() {
        return missing;
    }

    /** Declared dependencies resolved to another version than the declared one. */
    public List<Substitution> substitutions() {
        return substitutions;
    }

    /**
     * What the set could not provide as declared, in one line (null when nothing): the substitutions and the
     * missing packages, each named once, for one INFO log line per module.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        List<String> used = substitutions.stream().map(s -> s.declared() + " -> " + s.used()).distinct().toList();
        if (!used.isEmpty()) {
            parts.add("nearest versions used: " + String.join(", ", used));
        }
        List<String> absent = missing.stream().map(MissingDependency::id).distinct().toList();
        if (!absent.isEmpty()) {
            parts.add("not provided (their profiles and terminologies are not checked): " + String.join(", ", absent));
        }
        return parts.isEmpty() ? null : "FHIR packages " + packages.stream().map(FhirPackage::id).toList() + "; " + String.join("; ", parts);
    }

    /** The package of that name (the configured or nearest one first), e.g. {@code ans.fhir.fr.eprescription}. */
    public FhirPackage get(String name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigurationException("ig.packages", "the FHIR package " + name + " is not configured"));
    }

    /** Whether a package of that name was loaded (in any version). */
    public boolean provides(String name) {
        return packages.stream().anyMatch(p -> p.name().equals(name));
    }
}
