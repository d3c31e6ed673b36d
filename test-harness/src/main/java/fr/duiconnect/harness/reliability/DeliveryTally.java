package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.sandbox.Sandbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.hl7.fhir.r4.model.DocumentReference;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's accepted operations set against what its simulator holds, counted by the service's own key: the
 * operator's mailbox by Message-ID, the platform's notes by note identifier (masterIdentifier), the DMP's documents
 * by uniqueId. {@code retried}: settled after more than one attempt; {@code lost}: not FAILED, yet not held;
 * {@code duplicated}: held more than once; {@code failedButDelivered}: FAILED, held, and the status does not say it
 * may be held; {@code failedSaidMayBeHeld}: FAILED and held, the status saying so (an attempt that may have reached the
 * service unheard, then a refusal of a later one or the end of the unknown-outcome window).
 */
public record DeliveryTally(ServiceSocle service, int accepted, Map<OperationState, Integer> outcomes, int retried, int held,
                     List<String> lost, List<String> duplicated, int extraCopies, List<String> failedWithoutReason,
                     List<String> failedButDelivered, List<String> failedSaidMayBeHeld, long faults) {

    public static DeliveryTally of(Sandbox sandbox, ServiceSocle service, List<Settled> settled, long faults) {
        Map<String, Integer> copies = heldByKey(sandbox, service);
        List<Settled> own = settled.stream().filter(s -> s.service() == service).toList();
        Map<OperationState, Integer> outcomes = new EnumMap<>(OperationState.class);
        own.forEach(s -> outcomes.merge(s.state(), 1, Integer::sum));
        List<Settled> kept = own.stream().filter(s -> copies.containsKey(s.key())).toList();
        return new DeliveryTally(service, own.size(), outcomes, (int) own.stream().filter(s -> s.attempts() > 1).count(), kept.size(),
                own.stream().filter(s -> !s.failed() && !copies.containsKey(s.key())).map(Settled::key).toList(),
                kept.stream().filter(s -> copies.get(s.key()) > 1).map(Settled::key).toList(),
                kept.stream().mapToInt(s -> copies.get(s.key()) - 1).sum(),
                own.stream().filter(s -> s.failed() && (s.reason() == null || s.reason().isBlank())).map(Settled::key).toList(),
                own.stream().filter(s -> s.failed() && copies.containsKey(s.key()) && !s.saysMayBeHeld()).map(Settled::key).toList(),
                own.stream().filter(s -> s.failed() && copies.containsKey(s.key()) && s.saysMayBeHeld()).map(Settled::key).toList(),
                faults);
    }

    /** What the service's simulator holds, by key. */
    public static Map<String, Integer> heldByKey(Sandbox sandbox, ServiceSocle service) {
        Map<String, Integer> copies = new HashMap<>();
        switch (service) {
            case MSSANTE -> copies.putAll(mailboxCopies(sandbox));
            case EPARCOURS -> {
                EParcoursSimulator platform = sandbox.simulator(EParcoursSimulator.class);
                for (var resident : MixedWorkload.RESIDENTS) {
                    for (DocumentReference note : platform.store().aboutPerson(resident.matricule())) {
                        if (note.hasMasterIdentifier()) {
                            copies.merge(note.getMasterIdentifier().getValue(), 1, Integer::sum);
                        }
                    }
                }
            }
            case DMP -> copies.putAll(sandbox.simulator(DmpSimulator.class).storedByUniqueId());
            default -> throw new IllegalArgumentException("no simulator count for " + service);
        }
        return copies;
    }

    /**
     * The operator's mailbox by Message-ID. Counted while the run goes on, the mailbox may take a message in the
     * middle (GreenMail's list then throws ConcurrentModificationException): it is counted again.
     */
    private static Map<String, Integer> mailboxCopies(Sandbox sandbox) {
        for (int attempt = 1; ; attempt++) {
            Map<String, Integer> copies = new HashMap<>();
            try {
                for (MimeMessage message : sandbox.simulator(MssanteOperatorSimulator.class).mailbox(MssanteOperatorSimulator.HOSPITAL_DOCTOR)) {
                    copies.merge(message.getMessageID(), 1, Integer::sum);
                }
                return copies;
            } catch (MessagingException e) {
                throw new IllegalStateException("a delivered message has no readable Message-ID", e);
            } catch (java.util.ConcurrentModificationException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    /** Operations of this service held at least once by its simulator. */
    public static int heldCount(Sandbox sandbox, ServiceSocle service, MixedWorkload workload) {
        Map<String, Integer> copies = heldByKey(sandbox, service);
        return (int) workload.of(service).stream().filter(o -> copies.containsKey(o.key())).count();
    }

    public String report() {
        return String.format("%-9s accepted %3d, faults injected %3d, outcomes %s, %d after more than one attempt, held %3d, lost %d, "
                        + "duplicated %d (%d extra copies), failed without reason %d, FAILED yet held %d (+%d the status said may be held)",
                service, accepted, faults, outcomes, retried, held, lost.size(), duplicated.size(), extraCopies, failedWithoutReason.size(),
                failedButDelivered.size(), failedSaidMayBeHeld.size());
    }
}
