package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.core.error.ConformanceIssue.Severity;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import fr.duiconnect.core.error.ServiceNotReadyException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Validates FHIR resources against the profiles of a {@link FhirPackageSet} (the IGs and the dependency packages
 * they declare: FR Core, Annuaire, NOS...) with HAPI's instance validator. Costly to build and to warm up (the first
 * validation generates snapshots), used concurrently afterwards (registered once, then only read; the support chain's
 * caches are concurrent, and modules and simulators have validated on one shared instance under the benches' threads
 * since session 3): modules and simulators take one from {@link FhirValidators}, which builds each chain once in the
 * background; each view adds its own errata. A view whose chain is still being built waits for it, at most its wait.
 *
 * <p><b>Dependencies not provided.</b> Some packages the ANS IGs declare are not available (hl7.terminology.r4,
 * hl7.fhir.uv.extensions.r4, ans.fr.terminologies...). Rather than failing every resource on "profile not found", an
 * issue that only says a canonical of a missing package could not be resolved or checked is kept, downgraded to a
 * warning and prefixed with {@code [not checked: <package>#<version> not provided]}; everything the loaded packages
 * define is enforced. Adding the package to the packages folder turns those checks on.
 */
public final class ProfileValidator {

    /**
     * Canonical prefixes of packages the ANS IGs depend on, besides the {@code dependsOn.uri} the IGs declare:
     * their resources live under other roots (terminology servers, cross-version extensions).
     */
    private static final Map<String, List<String>> KNOWN_PREFIXES = Map.of(
            "hl7.fhir.fr.core", List.of("https://hl7.fr/ig/fhir/core/"),
            "hl7.fhir.uv.xver-r5.r4", List.of("http://hl7.org/fhir/5.0/StructureDefinition/", "http://hl7.org/fhir/uv/xver/"),
            "hl7.terminology.r4", List.of("http://terminology.hl7.org/"),
            "hl7.fhir.uv.extensions.r4", List.of("http://hl7.org/fhir/extensions/"),
            "ans.fhir.fr.annuaire", List.of("https://interop.esante.gouv.fr/ig/fhir/annuaire/"),
            "ans.fr.nos", List.of("https://mos.esante.gouv.fr/NOS/"),
            "ans.fr.terminologies", List.of("https://smt.esante.gouv.fr/", "https://mos.esante.gouv.fr/NOS/"));

    /**
     * A known defect of an IG's published artefacts (or a validator limitation) that makes valid content fail:
     * an issue whose message contains {@code messagePart} (and, if given, whose message or path contains
     * {@code scope}) is kept as a warning, prefixed with the explanation.
     */
    public record Erratum(String scope, String messagePart, String explanation) {
    }

    /** Errata every IG needs with HAPI 8.8 (org.hl7.fhir.core 6.7.9). */
    public static final List<Erratum> VALIDATOR_LIMITS = List.of(
            new Erratum(null, "Slicing cannot be evaluated",
                    "[not checked: the validator cannot evaluate this slicing discriminator]"));

    /**
     * Errata of the cahier de liaison IG 3.0.0, the same for the connector and for the platform simulator (so that one
     * validator of the CdL, CdS and NdE packages serves both in a JVM): cdl-bundle-maj-note slices Bundle.entry by
     * resource profile, and its Device slice names no profile: it matches every entry, so HAPI reports each
     * DocumentReference as matching two slices.
     */
    public static final List<Erratum> CDL_ERRATA = java.util.stream.Stream.concat(VALIDATOR_LIMITS.stream(),
            java.util.stream.Stream.of(new Erratum("cdl-bundle-maj-note", "Element matches more than one slice",
                    "[IG erratum: the Device slice of cdl-bundle-maj-note 3.0.0 has no profile and matches every entry]"))).toList();

    private static final java.util.regex.Pattern TARGET_TYPE =
            java.util.regex.Pattern.compile("Invalid Resource target type\\. Found (\\w+), but expected one of");

    /** A binding check that failed only because the code's system is in no loaded package (e.g. the NOS's TRE_R13 communes). */
    private static final java.util.regex.Pattern UNKNOWN_CODE = java.util.regex.Pattern.compile("Unknown code '([^'#]+)#");

    private final FhirContext context;
    /** Starts the chain's build if need be, and gives it. */
    private final Supplier<CompletableFuture<Chain>> chain;
    private final List<Erratum> errata;
    private final Duration wait;

    public ProfileValidator(FhirContext context, FhirPackageSet packages) {
        this(context, packages, VALIDATOR_LIMITS);
    }

    /** A validator of its own, built now (tests, tools); modules take the shared one from {@link FhirValidators}. */
    public ProfileValidator(FhirContext context, FhirPackageSet packages, List<Erratum> errata) {
        this(context, completed(new Chain(context, packages)), errata, Duration.ZERO);
    }

    ProfileValidator(FhirContext context, Supplier<CompletableFuture<Chain>> chain, List<Erratum> errata, Duration wait) {
        this.context = context;
        this.chain = chain;
        this.errata = List.copyOf(errata);
        this.wait = wait;
    }

    /** The same validator chain with other errata (each module and simulator has its IG's own). */
    public ProfileValidator withErrata(List<Erratum> others) {
        return new ProfileValidator(context, chain, others, wait);
    }

    /** The same validator chain, waiting at most {@code max} for it when it is still being built. */
    public ProfileValidator waitingAtMost(Duration max) {
        return new ProfileValidator(context, chain, errata, max);
    }

    /** Completes when the chain is built (exceptionally when its build failed): a module's readiness. */
    public CompletableFuture<?> ready() {
        return chain.get().thenApply(built -> null);
    }

    private static Supplier<CompletableFuture<Chain>> completed(Chain built) {
        CompletableFuture<Chain> done = CompletableFuture.completedFuture(built);
        return () -> done;
    }

    /** Whether both validate with the same chain (the same packages, support chain and HAPI validator). */
    public boolean sharesChainWith(ProfileValidator other) {
        return chain().validator == other.chain().validator;
    }

    /** The built chain, waited for at most {@link #wait}. */
    private Chain chain() {
        try {
            return chain.get().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ServiceNotReadyException("ig.packages", "the FHIR validators are still being built (waited "
                    + wait.toMillis() + " ms); retry shortly", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ServiceNotReadyException("ig.packages", "the FHIR validators could not be built: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceNotReadyException("ig.packages", "interrupted while waiting for the FHIR validators", null);
        }
    }

    /**
     * The packages, the support chain and HAPI's validator: what is shared between modules (errata are not). Built
     * once per package set by {@link FhirValidators}.
     */
    static final class Chain {
        private final FhirContext context;
        private final FhirValidator validator;
        private final ValidationSupportChain support;
        private final FhirPackageSet packages;
        /** Resource types (lower case) named by reference target profiles that belong to missing packages. */
        private final java.util.Set<String> unresolvedTargetTypes = new java.util.HashSet<>();
        private final Map<String, FhirPackageSet.MissingDependency> missingPrefixes = new LinkedHashMap<>();

        Chain(FhirContext context, FhirPackageSet packages) {
            this.context = context;
            this.packages = packages;
            PrePopulatedValidationSupport igResources = new PrePopulatedValidationSupport(context);
            packages.registrationOrder().forEach(p -> p.conformance().forEach(igResources::addResource));
            UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(context);
            unknownCodeSystems.setNonExistentCodeSystemSeverity(ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity.WARNING);
            DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(context);
            this.support = new ValidationSupportChain(
                    core,
                    new VersionedCoreCanonicals(context, core),
                    igResources,
                    new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new SnapshotGeneratingValidationSupport(context),
                    unknownCodeSystems);
            FhirInstanceValidator module = new FhirInstanceValidator(support);
            module.setAnyExtensionsAllowed(true);
            this.validator = context.newValidator();
            validator.registerValidatorModule(module);
            for (FhirPackageSet.MissingDependency missing : packages.missingDependencies()) {
                if (missing.canonical() != null && !missing.canonical().isBlank()) {
                    missingPrefixes.put(missing.canonical().endsWith("/") ? missing.canonical() : missing.canonical() + "/", missing);
                }
                KNOWN_PREFIXES.getOrDefault(missing.name(), List.of()).stream().filter(prefix -> !providedPrefix(packages, prefix))
                        .forEach(prefix -> missingPrefixes.putIfAbsent(prefix, missing));
            }
            collectUnresolvedTargetTypes(packages);
        }

        private void collectUnresolvedTargetTypes(FhirPackageSet packages) {
            java.util.Set<String> types = context.getResourceTypes();
            for (FhirPackageSet.FhirPackage p : packages.packages()) {
                for (IBaseResource resource : p.conformance()) {
                    if (!(resource instanceof org.hl7.fhir.r4.model.StructureDefinition definition)) {
                        continue;
                    }
                    for (var element : definition.getDifferential().getElement()) {
                        for (var type : element.getType()) {
                            for (var target : type.getTargetProfile()) {
                                String url = target.getValue();
                                if (url == null || missingPrefixes.keySet().stream().noneMatch(url::startsWith)) {
                                    continue;
                                }
                                String name = url.substring(url.lastIndexOf('/') + 1).replace("-", "").toLowerCase(java.util.Locale.ROOT);
                                types.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).filter(name::contains)
                                        .forEach(unresolvedTargetTypes::add);
                            }
                        }
                    }
                }
            }
        }

        /**
         * One validation of an empty Patient: HAPI converts every StructureDefinition of the chain to its R5 form on a
         * chain's first validation (seconds); done while building, it is not paid by the first exchange.
         */
        void warmUp() {
            try {
                validator.validateWithResult(new org.hl7.fhir.r4.model.Patient());
            } catch (RuntimeException e) {
                // only a warm-up: a real validation reports what this one met
            }
        }

        /** The missing package whose canonical the message is about, if the message only reports an unresolvable reference. */
        private FhirPackageSet.MissingDependency missingDependencyNamed(String text) {
            if (text == null) {
                return null;
            }
            for (Map.Entry<String, FhirPackageSet.MissingDependency> entry : missingPrefixes.entrySet()) {
                if (text.contains(entry.getKey())) {
                    return entry.getValue();
                }
            }
            return null;
        }
    }

    /** Whether a loaded package owns the prefix (e.g. the NOS subset, although ans.fr.terminologies shares its root). */
    private static boolean providedPrefix(FhirPackageSet packages, String prefix) {
        return KNOWN_PREFIXES.entrySet().stream().anyMatch(e -> e.getValue().contains(prefix) && packages.provides(e.getKey()));
    }

    public FhirContext context() {
        return context;
    }

    /** The packages validated against (waits for the chain, as {@link #validate} does). */
    public FhirPackageSet packages() {
        return chain().packages;
    }

    /**
     * Validates the resource against the profiles it declares and the given ones; returns every issue, blocking
     * ones first (none blocking means it conforms as far as the provided packages allow).
     */
    public List<ConformanceIssue> validate(IBaseResource resource, String... profiles) {
        ValidationOptions options = new ValidationOptions();
        for (String profile : profiles) {
            options.addProfile(profile);
        }
        Chain built = chain();
        ValidationResult result;
        try {
            result = built.validator.validateWithResult(resource, options);
        } catch (RuntimeException e) {
            // org.hl7.fhir.core can fail on profiles whose dependencies are missing (e.g. contained FR Core
            // resources of nde-subscription): unchecked content is refused, never passed as valid.
            return List.of(new ConformanceIssue(resource.fhirType(), Severity.FATAL, "the validator could not check this resource ("
                    + e.getClass().getSimpleName() + "); missing packages: "
                    + built.packages.missingDependencies().stream().map(FhirPackageSet.MissingDependency::id).distinct().toList()));
        }
        List<ConformanceIssue> issues = new ArrayList<>();
        for (SingleValidationMessage message : result.getMessages()) {
            issues.add(toIssue(built, message));
        }
        issues.sort(Comparator.comparing(ConformanceIssue::severity));
        return issues;
    }

    /** Whether any issue is blocking (fatal or error). */
    public static boolean blocking(List<ConformanceIssue> issues) {
        return issues.stream().anyMatch(i -> i.severity().blocking());
    }

    private ConformanceIssue toIssue(Chain built, SingleValidationMessage message) {
        Severity severity = switch (message.getSeverity() == null ? ResultSeverityEnum.ERROR : message.getSeverity()) {
            case FATAL -> Severity.FATAL;
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFORMATION -> Severity.INFORMATION;
        };
        String text = message.getMessage();
        if (severity.blocking() && text != null) {
            FhirPackageSet.MissingDependency missing = built.missingDependencyNamed(text);
            if (missing != null) {
                return new ConformanceIssue(message.getLocationString(), Severity.WARNING,
                        "[not checked: " + missing.id() + " not provided] " + text);
            }
            java.util.regex.Matcher unknownCode = UNKNOWN_CODE.matcher(text);
            if (unknownCode.find() && built.support.fetchCodeSystem(unknownCode.group(1)) == null) {
                return new ConformanceIssue(message.getLocationString(), Severity.WARNING, "[not checked: the code system "
                        + unknownCode.group(1) + " is in no provided package] " + text);
            }
            java.util.regex.Matcher target = TARGET_TYPE.matcher(text);
            if (target.find() && built.unresolvedTargetTypes.contains(target.group(1).toLowerCase(java.util.Locale.ROOT))) {
                // The reference's target profiles (e.g. FR Core Patient, Annuaire PractitionerRole) belong to a package
                // not provided, so the validator only knows the other targets: the type itself is one the IG allows.
                return new ConformanceIssue(message.getLocationString(), Severity.WARNING, "[not checked: target profiles of "
                        + built.packages.missingDependencies().stream().map(FhirPackageSet.MissingDependency::id).toList() + " not provided] " + text);
            }
            for (Erratum erratum : errata) {
                String location = message.getLocationString() == null ? "" : message.getLocationString();
                if (text.contains(erratum.messagePart())
                        && (erratum.scope() == null || text.contains(erratum.scope()) || location.contains(erratum.scope()))) {
                    return new ConformanceIssue(location, Severity.WARNING, erratum.explanation() + " " + text);
                }
            }
        }
        return new ConformanceIssue(message.getLocationString(), severity, text);
    }
}
