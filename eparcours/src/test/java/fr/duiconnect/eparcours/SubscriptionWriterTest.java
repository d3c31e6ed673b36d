package fr.duiconnect.eparcours;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Timeouts;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an NdE event type configured, the subscription is shaped for nde-subscription. Without FR Core, HAPI 8.8's
 * validator cannot check its contained resources and fails: the content is then refused (FATAL), never sent unchecked.
 */
class SubscriptionWriterTest {

    @Test
    void anNdeSubscriptionThatCannotBeCheckedIsRefusedNotSentUnchecked() {
        String shared = System.getProperty("dui.shared.dir", "../../shared");
        Path nde = Path.of(shared, "conformance/fhir/notification-evenements/package.tgz");
        FhirContext context = FhirContext.forR4();
        ProfileValidator validator = new ProfileValidator(context, FhirPackageSet.load(context, List.of(nde)));
        EParcoursSettings settings = EParcoursSettings.from(new EndpointConfig(URI.create("https://127.0.0.1/fhir"), Timeouts.DEFAULT, null,
                Map.of("ig.packages", nde.toString(), "finess", "750000010",
                        "subscription.event-type", "CDL|https://example.invalid/event-types|Note du cahier de liaison")));
        Subscription subscription = new SubscriptionWriter(settings).subscription(NoteWriterTest.PERSON, NoteWriterTest.INS,
                URI.create("https://dui.example/ping"), Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(subscription.getMeta().getProfile()).extracting(p -> p.getValue()).contains(SubscriptionWriter.NDE + "nde-subscription");
        assertThat(subscription.getExtension()).extracting(e -> e.getUrl().substring(SubscriptionWriter.NDE.length()))
                .containsExactlyInAnyOrder("start", "subject", "declarant", "event-type", "subscriber");
        List<ConformanceIssue> issues = validator.validate(subscription);
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.severity()).isEqualTo(ConformanceIssue.Severity.FATAL);
            assertThat(i.message()).contains("hl7.fhir.fr.core");
        });
    }
}
