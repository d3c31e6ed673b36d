package fr.duiconnect.eprescription;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.core.error.ContentRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.fhir.FhirContent;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates received prescription content against the ePrescription IG and maps it. Whole or nothing: any
 * blocking issue refuses the whole bundle with every issue found ({@link ContentRefusedException}). Camel-free.
 *
 * <p>Every MedicationRequest is checked at least against {@code fr-medicationrequest} and every Medication against
 * {@code fr-medication}, even when the server does not declare the profile in {@code meta.profile}.
 */
public final class PrescriptionImporter {

    static final String IG = "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/";
    static final String MEDICATION_REQUEST_PROFILE = IG + "fr-medicationrequest";
    static final String MEDICATION_PROFILE = IG + "fr-medication";

    /**
     * fr-inpatient-medicationrequest 1.1.0-ballot: its snapshot slices medication[x] by type with rules "closed"
     * and a single medicationReference slice, while the same profile binds medication[x] (CodeableConcept) to
     * fr-inpatient-medication-code and its own examples use medicationCodeableConcept. The IG Publisher accepts
     * them; HAPI's validator does not. Reading: a coded medication is valid (the binding is still checked).
     */
    public static final List<ProfileValidator.Erratum> ERRATA = java.util.stream.Stream.concat(
            ProfileValidator.VALIDATOR_LIMITS.stream(),
            java.util.stream.Stream.of(new ProfileValidator.Erratum("medication.ofType(CodeableConcept)",
                    "does not match any known slice defined in the profile " + IG + "fr-inpatient-medicationrequest",
                    "[IG erratum: closed type slicing of medication[x] in fr-inpatient-medicationrequest 1.1.0-ballot]"),
                    // The extension's context reads RequestGroup.action.retaledAction (sic): it fits nowhere, although the
                    // IG's own fr-requestgroup-for-prescription puts it on relatedAction to mark alternatives.
                    new ProfileValidator.Erratum(IG + "fr-additional-action-relationship", "is not allowed to be used at this point",
                            "[IG erratum: fr-additional-action-relationship 1.1.0-ballot declares the context RequestGroup.action.retaledAction (sic)]")))
            .toList();

    private final FhirContext context;
    private final ProfileValidator validator;
    private final PrescriptionMapper mapper;

    public PrescriptionImporter(ProfileValidator validator) {
        this.context = validator.context();
        this.validator = validator;
        this.mapper = new PrescriptionMapper(context);
    }

    /** Parses (refusing what the parser would drop), validates and maps FHIR JSON. */
    public List<Prescription> fromJson(String json) {
        FhirContent.Parsed<Bundle> parsed = FhirContent.parse(context, json, Bundle.class);
        if (parsed.resource() == null || ProfileValidator.blocking(parsed.issues())) {
            throw new ContentRefusedException(EPrescriptionErrorCode.CONTENT_UNREADABLE, "Bundle", parsed.issues());
        }
        return validateAndMap(parsed.resource(), parsed.issues());
    }

    /** Validates and maps a parsed bundle. */
    public List<Prescription> validateAndMap(Bundle bundle) {
        return validateAndMap(bundle, List.of());
    }

    /** Validates only; returns every issue (blocking first). */
    public List<ConformanceIssue> validate(Bundle bundle) {
        Bundle checked = bundle.copy();
        for (Bundle.BundleEntryComponent entry : checked.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof MedicationRequest) {
                requireProfile(resource, MEDICATION_REQUEST_PROFILE);
            } else if (resource instanceof Medication) {
                requireProfile(resource, MEDICATION_PROFILE);
            }
        }
        return validator.validate(checked);
    }

    private List<Prescription> validateAndMap(Bundle bundle, List<ConformanceIssue> parseIssues) {
        if (bundle.getType() != Bundle.BundleType.SEARCHSET && bundle.getType() != Bundle.BundleType.COLLECTION) {
            throw new InvalidInputException(EPrescriptionErrorCode.CONTENT_UNREADABLE, "Bundle.type",
                    "is " + (bundle.getType() == null ? "absent" : bundle.getType().toCode()) + "; a searchset (or collection) is expected");
        }
        List<ConformanceIssue> issues = new ArrayList<>(parseIssues);
        issues.addAll(validate(bundle));
        if (ProfileValidator.blocking(issues)) {
            throw new ContentRefusedException(EPrescriptionErrorCode.CONTENT_INVALID, "Bundle", issues);
        }
        List<Prescription> prescriptions = mapper.map(bundle);
        if (prescriptions.isEmpty()) {
            throw new InvalidInputException(EPrescriptionErrorCode.NO_LINE, "Bundle.entry", "holds no MedicationRequest");
        }
        return prescriptions;
    }

    private static void requireProfile(Resource resource, String profile) {
        boolean declared = resource.getMeta().getProfile().stream().map(CanonicalType::getValue)
                .anyMatch(p -> p != null && p.startsWith(IG));
        if (!declared) {
            resource.getMeta().addProfile(profile);
        }
    }
}
