package fr.duiconnect.eparcours;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;

import java.net.URI;
import java.time.Instant;
import java.util.Date;

/**
 * The R4 Subscription asking the platform to ping the DUI when a note about a person changes. With an NdE event
 * type configured it also carries what {@code nde-subscription} requires (contained Patient and Organization,
 * start, subject, declarant, event-type, subscriber extensions).
 */
final class SubscriptionWriter {

    static final String NDE = "https://interop.esante.gouv.fr/ig/fhir/nde/StructureDefinition/";

    private final EParcoursSettings settings;

    SubscriptionWriter(EParcoursSettings settings) {
        this.settings = settings;
    }

    Subscription subscription(PersonIdentity person, Ins ins, URI endpoint, Instant now) {
        Subscription subscription = new Subscription();
        subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
        subscription.setReason("Cahier de liaison : notes concernant la personne suivie par " + settings.structureName());
        subscription.setCriteria("DocumentReference?patient.identifier=urn:oid:" + ins.oid() + "|" + ins.matricule());
        // Empty payload: the notification is a ping, the notes themselves are read by the pull (validated, journaled).
        subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint.toString());
        Code eventType = settings.subscriptionEventType();
        if (eventType != null) {
            subscription.getMeta().addProfile(NDE + "nde-subscription");
            // The same FR Core Patient INS as in the notes (INS identifier, identity reliability, birth place).
            Patient patient = NoteWriter.patient(person, ins);
            patient.setId("patient");
            Organization structure = new Organization();
            structure.setId("structure");
            FrCore.addStructureIds(structure, settings.finess());
            structure.setName(settings.structureName());
            subscription.addContained(patient);
            subscription.addContained(structure);
            subscription.addExtension(NDE + "start", new DateTimeType(Date.from(now)));
            subscription.addExtension(NDE + "subject", new Reference("#patient"));
            subscription.addExtension(NDE + "declarant", new Reference("#structure"));
            subscription.addExtension(NDE + "event-type", new CodeableConcept(new Coding(eventType.codeSystem(), eventType.code(),
                    eventType.displayName())));
            subscription.addExtension(NDE + "subscriber", new Reference("#structure"));
        }
        return subscription;
    }
}
