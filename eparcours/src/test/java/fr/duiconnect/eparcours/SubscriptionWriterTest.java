package fr.duiconnect.eparcours;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Timeouts;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription the DUI sends is valid: a plain R4 Subscription without an NdE event type, the NdE IG's
 * {@code nde-subscription} (contained FR Core Patient INS and structure, event type) with one; both checked with FR Core
 * loaded, as the module checks them before sending.
 */
class SubscriptionWriterTest {

    static final ProfileValidator VALIDATOR = NoteWriterTest.moduleValidator();

    private static Subscription written(String eventType) {
        Map<String, String> options = new HashMap<>(Map.of("ig.packages", NoteWriterTest.ig("notification-evenements").toString(),
                "finess", "750000010"));
        if (eventType != null) {
            options.put("subscription.event-type", eventType);
        }
        EParcoursSettings settings = EParcoursSettings.from(new EndpointConfig(URI.create("https://127.0.0.1/fhir"), Timeouts.DEFAULT, null,
                options));
        return new SubscriptionWriter(settings).subscription(NoteWriterTest.PERSON, NoteWriterTest.INS,
                URI.create("https://dui.example/ping"), Instant.parse("2026-11-22T10:00:00Z"));
    }

    private static List<ConformanceIssue> blocking(Subscription subscription) {
        return VALIDATOR.validate(subscription).stream().filter(i -> i.severity().blocking()).toList();
    }

    @Test
    void aPlainR4SubscriptionIsValid() {
        Subscription subscription = written(null);
        assertThat(subscription.getMeta().getProfile()).isEmpty();
        assertThat(blocking(subscription)).isEmpty();
    }

    @Test
    void withAnEventTypeTheSubscriptionFollowsNdeSubscriptionAndIsValid() {
        Subscription subscription = written("SOR|https://mos.esante.gouv.fr/NOS/TRE_R254-TypeEvenement/FHIR/TRE-R254-TypeEvenement"
                + "|Sortie d'un patient de l'établissement de santé");
        assertThat(subscription.getMeta().getProfile()).extracting(p -> p.getValue()).contains(SubscriptionWriter.NDE + "nde-subscription");
        assertThat(subscription.getExtension()).extracting(e -> e.getUrl().substring(SubscriptionWriter.NDE.length()))
                .containsExactlyInAnyOrder("start", "subject", "declarant", "event-type", "subscriber");
        assertThat(blocking(subscription)).isEmpty();
    }
}
