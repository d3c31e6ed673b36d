package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Timeouts;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * #21: the REST clients of many structures share one FhirContext; HAPI takes each request's HTTP client (the TLS key)
 * from the context, so a request made outside {@link FhirRestClient#call} has no structure and must not go out. That
 * each structure's calls present its own certificate is shown against the simulators (StructureFhirIdentityTest).
 */
class StructureFhirContextTest {

    private static final EndpointConfig NOWHERE = new EndpointConfig(URI.create("http://127.0.0.1:9/fhir"),
            new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)), null, Map.of());

    @Test
    void aRequestOutsideACallOnASharedContextIsRefusedBeforeItGoesOut() {
        StructureFhirContext shared = new StructureFhirContext(FhirContext.forR4());
        try (FhirRestClient rest = FhirRestClient.create(shared, NOWHERE, () -> null)) {
            assertThatThrownBy(() -> rest.client().search().byUrl("Patient?name=x").returnBundle(Bundle.class).execute())
                    .hasMessageContaining("outside FhirRestClient.call");   // HAPI wraps it, its text kept
        }
    }
}
