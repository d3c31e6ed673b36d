package fr.duiconnect.harness.eparcours;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.BearerTokenProvider;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.fhir.FhirRestClient;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated platform refuses, as a gestionnaire would, a creation transaction whose note breaks the CdL profile. */
class PlatformEnforcesProfilesTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.EPARCOURS);

    @Test
    void aNoteWithoutTypeNorAuthorIsRefused422WithItsIssues() throws Exception {
        EndpointConfig endpoint = sandbox.sandbox().connectorConfig().endpoint(ServiceSocle.EPARCOURS);
        Secret token = Secret.fromFile(Path.of(endpoint.requiredOption("token.file")));
        try (FhirRestClient rest = FhirRestClient.create(FhirContext.forR4(), endpoint, () -> BearerTokenProvider.fixed(token))) {
            IGenericClient client = rest.client();
            DocumentReference note = new DocumentReference();
            note.getMeta().addProfile("https://interop.esante.gouv.fr/ig/fhir/cdl/StructureDefinition/cdl-document-reference");
            note.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
            note.setSubject(new Reference("Patient/unknown"));
            note.addContent().getAttachment().setContentType("text/plain").setData("x".getBytes());
            Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            bundle.getMeta().addProfile("https://interop.esante.gouv.fr/ig/fhir/cdl/StructureDefinition/cdl-bundle-creation-note");
            bundle.addEntry().setFullUrl("urn:uuid:7a1d1f2e-0000-4000-8000-000000000001").setResource(note)
                    .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");
            int before = sandbox.sandbox().simulator(EParcoursSimulator.class).store().noteCount();
            assertThatThrownBy(() -> client.transaction().withBundle(bundle).execute())
                    .isInstanceOf(UnprocessableEntityException.class)
                    .satisfies(e -> {
                        OperationOutcome outcome = (OperationOutcome) ((UnprocessableEntityException) e).getOperationOutcome();
                        assertThat(outcome.getIssue()).anySatisfy(i -> assertThat(i.getDiagnostics()).contains("DocumentReference.type"))
                                .anySatisfy(i -> assertThat(i.getDiagnostics()).contains("DocumentReference.author"));
                    });
            assertThat(sandbox.sandbox().simulator(EParcoursSimulator.class).store().noteCount()).isEqualTo(before);
        }
    }
}
