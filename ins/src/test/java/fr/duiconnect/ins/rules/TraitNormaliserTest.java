package fr.duiconnect.ins.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraitNormaliserTest {

    @Test
    void proposesUpperCaseWithoutAccentsAndExpandedLigatures() {
        assertThat(TraitNormaliser.propose("d’Æion", TraitKind.NOM_NAISSANCE)).get()
                .extracting(TraitNormaliser.Proposal::proposed).isEqualTo("D'AEION");
        assertThat(TraitNormaliser.propose("Cœur", TraitKind.PRENOM)).get()
                .extracting(TraitNormaliser.Proposal::proposed).isEqualTo("COEUR");
    }

    @Test
    void proposesNothingForDigits() {
        assertThat(TraitNormaliser.propose("DUPONT2", TraitKind.NOM_NAISSANCE)).isEmpty();
    }

    @Test
    void proposalKeepsTheOriginalSoTheUserDecides() {
        TraitNormaliser.Proposal proposal = TraitNormaliser.propose("Hélène", TraitKind.PRENOM).orElseThrow();
        assertThat(proposal.original()).isEqualTo("Hélène");
        assertThat(proposal.changed()).isTrue();
    }
}
