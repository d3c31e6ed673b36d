package fr.duiconnect.mssante;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureRegistry;
import fr.duiconnect.core.structure.StructureService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's inboxes are polled in turn, a bounded number per tick, whatever one of them holds or does. */
class StructureInboxesTest {

    static StructureProfile withMailbox(String finess) {
        return StructureProfile.builder(Finess.of(finess), "EHPAD " + finess).service(ServiceSocle.MSSANTE,
                new StructureService(null, null, Map.of("mailbox", "ehpad-" + finess + "_auto@ehpad.mssante.fr"))).build();
    }

    final StructureRegistry registry = StructureRegistry.of(List.of(withMailbox("690000017"), withMailbox("130000011"),
            withMailbox("330000019")));
    final List<String> fetched = new ArrayList<>();

    @Test
    void eachTickPollsTheNextStructuresInTurnSoThatEveryInboxIsReachedWithinItsShare() {
        StructureInboxes inboxes = new StructureInboxes(registry, null, s -> fetched.add(s.finess().value()), 2);
        assertThat(inboxes.pollNext()).containsExactly("130000011", "330000019");
        assertThat(inboxes.pollNext()).containsExactly("690000017", "130000011");
        assertThat(inboxes.pollNext()).containsExactly("330000019", "690000017");
        assertThat(fetched).hasSize(6);
    }

    @Test
    void aStructureWhoseInboxStillHoldsMessagesWaitsForItsNextTurn() {
        // 130000011's inbox never empties: each fetch reads one batch of it, and the others are read in between
        StructureInboxes inboxes = new StructureInboxes(registry, null, s -> fetched.add(s.finess().value()), 1);
        for (int tick = 0; tick < 6; tick++) {
            inboxes.pollNext();
        }
        assertThat(fetched).containsExactly("130000011", "330000019", "690000017", "130000011", "330000019", "690000017");
    }

    @Test
    void disabledStructuresThoseWithoutAMailboxAndTheModulesOwnMailboxAreNotPolled() {
        registry.disable(Finess.of("330000019"));
        registry.put(StructureProfile.builder(Finess.of("590000015"), "SSIAD").service(ServiceSocle.INS, StructureService.of(null, null)).build());
        StructureInboxes inboxes = new StructureInboxes(registry, "ehpad-690000017_auto@ehpad.mssante.fr", s -> fetched.add(s.finess().value()), 10);
        assertThat(inboxes.pollNext()).containsExactly("130000011");
    }

    @Test
    void aFailingInboxDoesNotStopTheOthers() {
        StructureInboxes inboxes = new StructureInboxes(registry, null, s -> {
            if (s.finess().value().equals("130000011")) {
                throw new IllegalStateException("IMAP login refused");
            }
            fetched.add(s.finess().value());
        }, 3);
        inboxes.pollNext();
        assertThat(fetched).containsExactly("330000019", "690000017");
    }
}
