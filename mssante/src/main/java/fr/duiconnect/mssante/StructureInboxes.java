package fr.duiconnect.mssante;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The inbox poll of the registry's structures: every enabled structure with an MSSanté mailbox is polled without its
 * client asking, a few per tick and in turn (by FINESS, from where the last tick stopped), so that 1,000 mailboxes cost
 * a bounded amount per tick and each is reached within {@code ceil(n / perTick)} ticks. Each fetch reads at most the
 * mailbox's batch: a structure with a big inbox gets its next batch at its next turn, after the others. Camel-free:
 * the module's timer route calls {@link #pollNext()}.
 */
public final class StructureInboxes {

    private static final Logger LOG = LoggerFactory.getLogger(StructureInboxes.class);

    private final StructureRegistry registry;
    private final String polledElsewhere;   // a mailbox address
    private final Consumer<StructureProfile> fetch;
    private final int perTick;
    private String last = "";

    /**
     * @param polledElsewhere the mailbox the module's own properties describe (its own route polls it), or null
     * @param fetch           reads one batch of the structure's inbox (its inbox built on first use, as for a send)
     */
    public StructureInboxes(StructureRegistry registry, String polledElsewhere, Consumer<StructureProfile> fetch, int perTick) {
        if (perTick < 1) {
            throw new IllegalArgumentException("perTick must be at least 1");
        }
        this.registry = registry;
        this.polledElsewhere = polledElsewhere;
        this.fetch = fetch;
        this.perTick = perTick;
    }

    /** Polls the next structures in turn; returns their FINESS, in the order polled. */
    public synchronized List<String> pollNext() {
        List<StructureProfile> due = registry.all().stream()
                .filter(s -> s.enabled() && s.service(ServiceSocle.MSSANTE).map(m -> m.options().containsKey("mailbox")).orElse(false))
                .filter(s -> !s.service(ServiceSocle.MSSANTE).orElseThrow().options().get("mailbox").equalsIgnoreCase(String.valueOf(polledElsewhere)))
                .sorted(Comparator.comparing(s -> s.finess().value())).toList();
        if (due.isEmpty()) {
            return List.of();
        }
        int start = 0;
        while (start < due.size() && due.get(start).finess().value().compareTo(last) <= 0) {
            start++;
        }
        List<String> polled = new java.util.ArrayList<>();
        for (int k = 0; k < Math.min(perTick, due.size()); k++) {
            StructureProfile structure = due.get((start + k) % due.size());
            last = structure.finess().value();
            polled.add(last);
            try {
                fetch.accept(structure);
            } catch (RuntimeException e) {
                // one structure's failing mailbox does not stop the others'; its next turn tries again
                LOG.warn("MSSanté mailbox poll of structure {} failed: {}", last, e.getMessage());
            }
        }
        return polled;
    }
}
