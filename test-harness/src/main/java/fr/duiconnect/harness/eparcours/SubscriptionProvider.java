package fr.duiconnect.harness.eparcours;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscriptions (R4, rest-hook, empty payload; nde-subscription enforced when declared): on every change of a
 * note whose subject matches the criteria's {@code patient.identifier}, the endpoint receives an empty POST.
 */
public final class SubscriptionProvider implements IResourceProvider {

    private final Map<String, Subscription> active = new ConcurrentHashMap<>();
    private final NoteChecks checks;
    private final PlatformStore store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong ids = new AtomicLong();

    SubscriptionProvider(PlatformStore store, NoteChecks checks) {
        this.store = store;
        this.checks = checks;
        store.onChange(this::notifyChange);
    }

    @Override
    public Class<Subscription> getResourceType() {
        return Subscription.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Subscription subscription) {
        checks.require(subscription);
        if (subscription.getChannel().getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
            throw new InvalidRequestException("only rest-hook channels are supported");
        }
        if (!subscription.getCriteria().startsWith("DocumentReference?patient.identifier=")) {
            throw new InvalidRequestException("criteria must be DocumentReference?patient.identifier=<system>|<INS>");
        }
        String id = "sub-" + ids.incrementAndGet();
        Subscription stored = subscription.copy();
        stored.setId(new IdType("Subscription", id, "1"));
        stored.setStatus(Subscription.SubscriptionStatus.ACTIVE);
        active.put(id, stored);
        return new MethodOutcome(stored.getIdElement(), true).setResource(stored);
    }

    private void notifyChange(DocumentReference note) {
        String ins = store.insOfSubject(note);
        if (ins == null) {
            return;
        }
        for (Subscription subscription : active.values()) {
            if (subscription.getCriteria().endsWith("|" + ins)) {
                HttpRequest ping = HttpRequest.newBuilder(URI.create(subscription.getChannel().getEndpoint()))
                        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build();
                http.sendAsync(ping, HttpResponse.BodyHandlers.discarding());
            }
        }
    }
}
