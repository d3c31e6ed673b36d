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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates FHIR resources against the profiles of a {@link FhirPackageSet} (the IGs and the dependency packages
 * they declare: FR Core, Annuaire, NOS...) with HAPI's instance validator. Costly to build and to warm up (the first
 * validation generates snapshots), thread-safe afterwards: modules and simulators take the JVM's shared one
 * ({@link #shared}).
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
    private final FhirValidator validator;
    private final ValidationSupportChain chain;
    private final List<Erratum> errata;
    /** Resource types (lower case) named by reference target profiles that belong to missing packages. */
    private final java.util.Set<String> unresolvedTargetTypes = new java.util.HashSet<>();
    private final Map<String, FhirPackageSet.MissingDependency> missingPrefixes = new LinkedHashMap<>();
    private final FhirPackageSet packages;

    public ProfileValidator(FhirContext context, FhirPackageSet packages) {
        this(context, packages, VALIDATOR_LIMITS);
    }

    public ProfileValidator(FhirContext context, FhirPackageSet packages, List<Erratum> errata) {
        this.context = context;
        this.errata = List.copyOf(errata);
        this.packages = packages;
        PrePopulatedValidationSupport igResources = new PrePopulatedValidationSupport(context);
        packages.registrationOrder().forEach(p -> p.conformance().forEach(igResources::addResource));
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(context);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity.WARNING);
        DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(context);
        this.chain = new ValidationSupportChain(
                core,
                new VersionedCoreCanonicals(context, core),
                igResources,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                unknownCodeSystems);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
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

    /** Whether a loaded package owns the prefix (e.g. the NOS subset, although ans.fr.terminologies shares its root). */
    private static boolean providedPrefix(FhirPackageSet packages, String prefix) {
        return KNOWN_PREFIXES.entrySet().stream().anyMatch(e -> e.getValue().contains(prefix) && packages.provides(e.getKey()));
    }

    /**
     * The validator of these IGs (and their dependencies from {@code dependencyFolder}) with these errata, built once
     * per JVM and shared: loading FR Core and the IGs and warming the validator up costs seconds and hundreds of MB,
     * while a built validator is immutable and thread-safe. It parses with the JVM's cached R4 context; a module
     * keeps its own context for its REST client.
     */
    public static ProfileValidator shared(List<java.nio.file.Path> igs, java.nio.file.Path dependencyFolder, List<Erratum> errata) {
        List<java.nio.file.Path> files = igs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        java.nio.file.Path deps = dependencyFolder == null ? FhirPackageSet.defaultDependencyFolder(files) : dependencyFolder.toAbsolutePath().normalize();
        return SHARED.computeIfAbsent(new SharedKey(files, deps, List.copyOf(errata)), key -> {
            FhirContext context = FhirContext.forR4Cached();
            return new ProfileValidator(context, FhirPackageSet.load(context, key.igs(), key.dependencyFolder()), key.errata());
        });
    }

    private record SharedKey(List<java.nio.file.Path> igs, java.nio.file.Path dependencyFolder, List<Erratum> errata) {
    }

    private static final java.util.concurrent.ConcurrentMap<SharedKey, ProfileValidator> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

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

    public FhirContext context() {
        return context;
    }

    public FhirPackageSet packages() {
        return packages;
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
        ValidationResult result;
        try {
            result = validator.validateWithResult(resource, options);
        } catch (RuntimeException e) {
            // org.hl7.fhir.core can fail on profiles whose dependencies are missing (e.g. contained FR Core
            // resources of nde-subscription): unchecked content is refused, never passed as valid.
            return List.of(new ConformanceIssue(resource.fhirType(), Severity.FATAL, "the validator could not check this resource ("
                    + e.getClass().getSimpleName() + "); missing packages: "
                    + packages.missingDependencies().stream().map(FhirPackageSet.MissingDependency::id).distinct().toList()));
        }
        List<ConformanceIssue> issues = new ArrayList<>();
        for (SingleValidationMessage message : result.getMessages()) {
            issues.add(toIssue(message));
        }
        issues.sort(Comparator.comparing(ConformanceIssue::severity));
        return issues;
    }

    /** Whether any issue is blocking (fatal or error). */
    public static boolean blocking(List<ConformanceIssue> issues) {
        return issues.stream().anyMatch(i -> i.severity().blocking());
    }

    private ConformanceIssue toIssue(SingleValidationMessage message) {
        Severity severity = switch (message.getSeverity() == null ? ResultSeverityEnum.ERROR : message.getSeverity()) {
            case FATAL -> Severity.FATAL;
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFORMATION -> Severity.INFORMATION;
        };
        String text = message.getMessage();
        if (severity.blocking() && text != null) {
            FhirPackageSet.MissingDependency missing = missingDependencyNamed(text);
            if (missing != null) {
                return new ConformanceIssue(message.getLocationString(), Severity.WARNING,
                        "[not checked: " + missing.id() + " not provided] " + text);
            }
            java.util.regex.Matcher unknownCode = UNKNOWN_CODE.matcher(text);
            if (unknownCode.find() && chain.fetchCodeSystem(unknownCode.group(1)) == null) {
                return new ConformanceIssue(message.getLocationString(), Severity.WARNING, "[not checked: the code system "
                        + unknownCode.group(1) + " is in no provided package] " + text);
            }
            java.util.regex.Matcher target = TARGET_TYPE.matcher(text);
            if (target.find() && unresolvedTargetTypes.contains(target.group(1).toLowerCase(java.util.Locale.ROOT))) {
                // The reference's target profiles (e.g. FR Core Patient, Annuaire PractitionerRole) belong to a package
                // not provided, so the validator only knows the other targets: the type itself is one the IG allows.
                return new ConformanceIssue(message.getLocationString(), Severity.WARNING, "[not checked: target profiles of "
                        + packages.missingDependencies().stream().map(FhirPackageSet.MissingDependency::id).toList() + " not provided] " + text);
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
