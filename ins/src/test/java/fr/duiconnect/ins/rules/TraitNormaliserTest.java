package fr.duiconnect.ins.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraitNormaliserTest {

    @Test
    void proposes_an_INSi_form_for_CNDA_2_03_cas_3_without_applying_it() {
        TraitNormaliser.Proposal proposal = TraitNormaliser.propose("D’ÆION", TraitKind.BIRTH_NAME);
        assertThat(proposal.proposed()).isEqualTo("D'AEION");
        assertThat(proposal.original()).isEqualTo("D’ÆION");
        assertThat(proposal.acceptable()).isTrue();
        assertThat(proposal.changes()).contains("typographic apostrophes replaced by '", "ligatures written as separate letters");
    }

    @Test
    void removes_accents_and_upper_cases() {
        assertThat(TraitNormaliser.propose("Hélène  ", TraitKind.FIRST_NAME).proposed()).isEqualTo("HELENE");
    }

    @Test
    void reports_input_that_still_breaks_a_rule() {
        TraitNormaliser.Proposal proposal = TraitNormaliser.propose("LOUIS 2", TraitKind.FIRST_NAME);
        assertThat(proposal.acceptable()).isFalse();
        assertThat(proposal.stillRefusedBecause().orElseThrow()).contains("INS-TRAIT-CHARACTER");
    }

    @Test
    void leaves_valid_traits_unchanged() {
        TraitNormaliser.Proposal proposal = TraitNormaliser.propose("D'ARTAGNAN DE L'HERAULT", TraitKind.BIRTH_NAME);
        assertThat(proposal.changed()).isFalse();
        assertThat(proposal.changes()).isEmpty();
    }
}
