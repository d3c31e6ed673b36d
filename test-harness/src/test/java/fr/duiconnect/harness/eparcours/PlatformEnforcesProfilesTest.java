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

    private static FhirRestClient rawClient() {
        EndpointConfig endpoint = sandbox.sandbox().connectorConfig().endpoint(ServiceSocle.EPARCOURS);
        Secret token = Secret.fromFile(Path.of(endpoint.requiredOption("token.file")));
        return FhirRestClient.create(FhirContext.forR4(), endpoint, () -> BearerTokenProvider.fixed(token));
    }

    @Test
    void anUpdateTransactionIsAppliedOnlyAtTheVersionItNames() {
        EParcoursSimulator platform = sandbox.sandbox().simulator(EParcoursSimulator.class);
        DocumentReference note = platform.nurse().writes(fr.duiconnect.harness.fhir.InsPersona.ALL.get(1), "OBS", "Avant.");
        String id = note.getIdElement().getIdPart();
        try (FhirRestClient rest = rawClient()) {
            DocumentReference changed = note.copy();
            changed.getContentFirstRep().getAttachment().setData("Après.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Bundle stale = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            stale.getMeta().addProfile("https://interop.esante.gouv.fr/ig/fhir/cdl/StructureDefinition/cdl-bundle-maj-note");
            String base = sandbox.sandbox().connectorConfig().endpoint(ServiceSocle.EPARCOURS).url().toString();
            stale.addEntry().setFullUrl(base + "/DocumentReference/" + id).setResource(changed).getRequest()
                    .setMethod(Bundle.HTTPVerb.PUT).setUrl("DocumentReference/" + id).setIfMatch("W/\"7\"");
            assertThatThrownBy(() -> rest.client().transaction().withBundle(stale).execute())
                    .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException.class);
            stale.getEntryFirstRep().getRequest().setIfMatch("W/\"1\"");
            Bundle response = rest.client().transaction().withBundle(stale).execute();
            assertThat(response.getEntryFirstRep().getResponse().getLocation()).endsWith("/_history/2");
            assertThat(new String(platform.store().current(id).orElseThrow().getContentFirstRep().getAttachment().getData(),
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Après.");
        }
    }

    @Test
    void aNoteWithoutTypeNorAuthorIsRefused422WithItsIssues() throws Exception {
        try (FhirRestClient rest = rawClient()) {
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
