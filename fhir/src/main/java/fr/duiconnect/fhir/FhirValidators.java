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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The FHIR R4 validators of a {@link SharedResources}: one {@link FhirContext}, and per packages folder one package
 * set (FR Core, the IGs every module and simulator asked for, and all their dependencies, never a subset) with one
 * support chain and one HAPI validator, shared by the e-prescription, e-parcours and annuaire modules and the
 * simulators of the same JVM. Loading FR Core and the IGs costs seconds and hundreds of MB: done once, on a
 * background thread, when the connector's modules have all registered their IGs ({@link #buildPending}) or when a
 * validation first needs it, whichever comes first.
 *
 * <p>IGs asked for after their set's build has started join it if the set holds them already, else start another set.
 */
public final class FhirValidators implements AutoCloseable {

    /** How long a FHIR operation waits for validators still being built, unless the module says otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(FhirValidators.class);

    private final FhirContext context;
    private final Executor builder;
    private final ExecutorService ownBuilder;
    private final List<PackageSet> sets = new ArrayList<>();

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
     * with these errata, on the shared set of that folder; built later, see the class comment. The IG files are
     * checked now, so that a connector configured with a package that does not exist refuses to start.
     */
    public synchronized ProfileValidator validator(List<Path> igs, Path dependencyFolder, List<ProfileValidator.Erratum> errata) {
        List<Path> files = igs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("ig.packages", "the FHIR package " + file + " does not exist");
            }
        }
        Path deps = dependencyFolder == null ? FhirPackageSet.defaultDependencyFolder(files) : dependencyFolder.toAbsolutePath().normalize();
        PackageSet set = sets.stream().filter(s -> s.dependencies.equals(deps) && (!s.started() || s.igs.containsAll(files)))
                .reduce((first, second) -> second).orElse(null);
        if (set == null) {
            set = new PackageSet(deps);
            sets.add(set);
        }
        set.igs.addAll(files);
        PackageSet chosen = set;
        return new ProfileValidator(context, () -> start(chosen), errata, DEFAULT_WAIT);
    }

    /** Starts building every set not built yet, in the background (a connector calls it once its modules have started). */
    public synchronized void buildPending() {
        sets.forEach(this::start);
    }

    private synchronized CompletableFuture<ProfileValidator.Chain> start(PackageSet set) {
        if (!set.started()) {
            List<Path> igs = List.copyOf(set.igs);
            set.built = new CompletableFuture<>();
            CompletableFuture<ProfileValidator.Chain> built = set.built;
            builder.execute(() -> {
                long start = System.nanoTime();
                try {
                    FhirPackageSet packages = FhirPackageSet.load(context, igs, set.dependencies);
                    ProfileValidator.Chain chain = new ProfileValidator.Chain(context, packages);
                    String summary = packages.summary();
                    LOG.info("FHIR validators built in {} ms for {} IG(s){}", (System.nanoTime() - start) / 1_000_000, igs.size(),
                            summary == null ? "" : ": " + summary);
                    built.complete(chain);
                } catch (Throwable e) {
                    LOG.warn("the FHIR validators could not be built: {}", e.getMessage());
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
            sets.stream().filter(s -> s.started() && !s.built.isDone())
                    .forEach(s -> s.built.completeExceptionally(new IllegalStateException("the connector was closed")));
        }
    }

    /** The IGs of one packages folder and, once started, their build. */
    private static final class PackageSet {
        final Path dependencies;
        final Set<Path> igs = new LinkedHashSet<>();
        CompletableFuture<ProfileValidator.Chain> built;

        PackageSet(Path dependencies) {
            this.dependencies = dependencies;
        }

        boolean started() {
            return built != null;
        }
    }
}
