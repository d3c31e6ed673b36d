package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.SharedResources;
import fr.duiconnect.core.error.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The FHIR R4 validators of a {@link SharedResources}, shared by the e-prescription, e-parcours and annuaire modules
 * and the simulators of the same JVM: one {@link FhirContext}; every package file (FR Core, the IGs, their
 * dependencies) read and parsed once, whichever modules need it; one package set (every declared dependency, never a
 * subset), support chain and HAPI validator per distinct set of IGs and packages folder, whoever asks for it.
 *
 * <p>Why not one chain for all modules: the IGs build on different FR Core versions (CdL 2.0.1, CdS, NdE and
 * e-prescription 2.1.0, annuaire 2.2.0), and HAPI resolves an unversioned canonical to the one definition it holds,
 * so one chain over every IG would validate some modules against another FR Core than today (measured: 21 of 115 IG
 * examples get other issues, some blocking; {@code SharedSetValidatesAsEachModuleSetTest}). Chains differ in which
 * version answers; the parsed packages, the costly part, are shared.
 *
 * <p>Costly (seconds, hundreds of MB): built on a background thread once the connector's modules have all asked
 * ({@link #buildPending}), or when a validation first needs it, whichever comes first.
 */
public final class FhirValidators implements AutoCloseable {

    /** How long a FHIR operation waits for validators still being built. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(FhirValidators.class);

    private final FhirContext context;
    private final Executor builder;
    private final ExecutorService ownBuilder;
    private final List<PackageSet> sets = new ArrayList<>();
    /** Each package file as read once (depth 0), by normalised path. */
    private final Map<Path, FhirPackageSet.FhirPackage> read = new ConcurrentHashMap<>();

    /** Validators built on a thread of their own (a daemon: a JVM never waits for a build nobody needs). */
    public FhirValidators() {
        this(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "dui-fhir-validators");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Validators built by the given executor (tests hold a build back with it). */
    FhirValidators(Executor builder) {
        this.context = FhirContext.forR4();
        this.builder = builder;
        this.ownBuilder = builder instanceof ExecutorService service ? service : null;
    }

    /** The validators shared through {@code shared} (made on first use, closed with it). */
    public static FhirValidators in(SharedResources shared) {
        return shared.get(FhirValidators.class, s -> new FhirValidators());
    }

    /** The R4 context the validators parse and validate with (not for REST clients: HAPI binds a client factory to its context). */
    public FhirContext context() {
        return context;
    }

    /**
     * A validator of these IGs (and their dependencies from {@code dependencyFolder}, by default the one beside them)
     * with these errata; built later, see the class comment. The IG files are checked now, so that a connector
     * configured with a package that does not exist still refuses to start.
     */
    public synchronized ProfileValidator validator(List<Path> igs, Path dependencyFolder, List<ProfileValidator.Erratum> errata) {
        List<Path> files = igs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("ig.packages", "the FHIR package " + file + " does not exist");
            }
        }
        Path deps = dependencyFolder == null ? FhirPackageSet.defaultDependencyFolder(files) : dependencyFolder.toAbsolutePath().normalize();
        PackageSet set = sets.stream().filter(s -> s.igs.equals(files) && s.dependencies.equals(deps)).findFirst().orElse(null);
        if (set == null) {
            set = new PackageSet(files, deps);
            sets.add(set);
        }
        PackageSet chosen = set;
        return new ProfileValidator(context, () -> start(chosen), errata, DEFAULT_WAIT);
    }

    /** Starts building every set not built yet, in the background (a connector calls it once its modules have started). */
    public synchronized void buildPending() {
        sets.forEach(this::start);
    }

    /** The IGs of each package set asked for, in the order asked. */
    public synchronized List<List<Path>> packageSets() {
        return sets.stream().map(s -> s.igs).toList();
    }

    private synchronized CompletableFuture<ProfileValidator.Chain> start(PackageSet set) {
        if (set.built == null) {
            CompletableFuture<ProfileValidator.Chain> built = new CompletableFuture<>();
            set.built = built;
            builder.execute(() -> {
                long start = System.nanoTime();
                try {
                    FhirPackageSet packages = FhirPackageSet.load(set.igs, set.dependencies,
                            file -> read.computeIfAbsent(file.toAbsolutePath().normalize(), f -> FhirPackageSet.read(context, f, 0)));
                    ProfileValidator.Chain chain = new ProfileValidator.Chain(context, packages);
                    chain.warmUp();
                    String summary = packages.summary();
                    LOG.info("FHIR validator of {} built in {} ms{}", set.igs.stream().map(p -> p.getParent().getFileName()).toList(),
                            (System.nanoTime() - start) / 1_000_000, summary == null ? "" : ": " + summary);
                    built.complete(chain);
                } catch (Throwable e) {
                    LOG.warn("the FHIR validator of {} could not be built: {}", set.igs, e.getMessage());
                    built.completeExceptionally(e);
                }
            });
        }
        return set.built;
    }

    /** Stops the build thread (a build under way is interrupted; its waiters get a typed error). */
    @Override
    public void close() {
        if (ownBuilder != null) {
            ownBuilder.shutdownNow();
        }
        synchronized (this) {
            sets.stream().filter(s -> s.built != null && !s.built.isDone())
                    .forEach(s -> s.built.completeExceptionally(new IllegalStateException("the FHIR validators were closed")));
        }
    }

    /** One set of IGs from one packages folder and, once started, its build. */
    private static final class PackageSet {
        final List<Path> igs;
        final Path dependencies;
        CompletableFuture<ProfileValidator.Chain> built;

        PackageSet(List<Path> igs, Path dependencies) {
            this.igs = List.copyOf(igs);
            this.dependencies = dependencies;
        }
    }
}
