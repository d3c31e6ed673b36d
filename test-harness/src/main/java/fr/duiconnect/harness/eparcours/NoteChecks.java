package fr.duiconnect.harness.eparcours;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.util.List;

/** The platform enforces the CdL profiles on what it receives: 422 with an OperationOutcome listing the issues. */
final class NoteChecks {

    static final String CDL = "https://interop.esante.gouv.fr/ig/fhir/cdl/StructureDefinition/";

    private final ProfileValidator validator;

    NoteChecks(ProfileValidator validator) {
        this.validator = validator;
    }

    void require(IBaseResource resource, String... profiles) {
        List<ConformanceIssue> issues = validator.validate(resource, profiles);
        if (ProfileValidator.blocking(issues)) {
            OperationOutcome outcome = new OperationOutcome();
            issues.stream().filter(i -> i.severity().blocking()).forEach(i -> outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.PROCESSING)
                    .setDiagnostics(i.message()).addExpression(i.path()));
            throw new UnprocessableEntityException(validator.context(), outcome);
        }
    }
}
