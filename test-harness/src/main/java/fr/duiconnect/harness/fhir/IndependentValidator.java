package fr.duiconnect.harness.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A FHIR validator built the way a referent checking a connector would build one, with none of the project's own
 * validation code: plain HAPI {@link FhirInstanceValidator} over the R4 core definitions and the given npm packages
 * (the IGs and every dependency package), loaded with {@link NpmPackageValidationSupport}. No errata, nothing downgraded.
 */
public final class IndependentValidator {

    private final FhirContext context = FhirContext.forR4();
    private final FhirValidator validator;

    private IndependentValidator(List<Path> packages) throws IOException {
        NpmPackageValidationSupport npm = new NpmPackageValidationSupport(context);
        var parser = context.newJsonParser();
        for (Path file : packages) {
            try (InputStream in = Files.newInputStream(file)) {
                NpmPackage npmPackage = NpmPackage.fromPackage(in);
                for (String name : npmPackage.listResources("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter")) {
                    try (InputStream resource = npmPackage.loadResource(name)) {
                        npm.addResource(parser.parseResource(resource));
                    }
                }
            }
        }
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context), npm,
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /** Loads the packages in the given order (where two define a canonical, the last loaded answers for it). */
    public static IndependentValidator of(List<Path> packages) {
        try {
            return new IndependentValidator(packages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error and fatal messages for a resource given as FHIR JSON, each with its location. */
    public List<String> errors(String json) {
        IBaseResource resource = context.newJsonParser().parseResource(json);
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + " " + m.getMessage()).toList();
    }

    /** The resource type of FHIR JSON. */
    public String typeOf(String json) {
        return context.newJsonParser().parseResource(json).fhirType();
    }

    /** The blocking issues the project's own validator finds in the same JSON. */
    public List<String> ownErrors(ProfileValidator own, String json) {
        return own.validate(context.newJsonParser().parseResource(json)).stream().filter(i -> i.severity().blocking())
                .map(ConformanceIssue::toString).toList();
    }
}
