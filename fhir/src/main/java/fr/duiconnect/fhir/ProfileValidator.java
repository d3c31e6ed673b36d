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
 * Validates FHIR resources against the profiles of a {@link FhirPackageSet} with HAPI's instance validator.
 * Built once per module instance (the first validation costs seconds: snapshots, terminology), thread-safe
 * afterwards.
 *
 * <p><b>Dependencies not provided.</b> The ANS IGs build on FR Core, the Annuaire, the NOS terminologies and HL7
 * packages that are not available here. Rather than failing every resource on "profile not found", an issue that
 * only says a canonical of a missing package could not be resolved or checked is kept, downgraded to a warning
 * and prefixed with {@code [not checked: <package>#<version> not provided]}; everything the provided packages
 * define is enforced. Adding the dependency package to the configured list turns those checks on.
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

    private static final java.util.regex.Pattern TARGET_TYPE =
            java.util.regex.Pattern.compile("Invalid Resource target type\\. Found (\\w+), but expected one of");

    private final FhirContext context;
    private final FhirValidator validator;
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
        packages.packages().forEach(p -> p.conformance().forEach(igResources::addResource));
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(context);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity.WARNING);
        DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(context);
        ValidationSupportChain chain = new ValidationSupportChain(
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
            KNOWN_PREFIXES.getOrDefault(missing.name(), List.of()).forEach(prefix -> missingPrefixes.putIfAbsent(prefix, missing));
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
