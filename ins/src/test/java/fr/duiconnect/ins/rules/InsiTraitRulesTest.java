package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.ins.model.InsErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsiTraitRulesTest {

    @Test
    void CNDA_2_03_cas_1_DARTAGNAN_DE_LHERAULT_is_accepted() {
        assertThatCode(() -> InsiTraitRules.check("D'ARTAGNAN DE L'HERAULT", TraitKind.BIRTH_NAME)).doesNotThrowAnyException();
        assertThatCode(() -> InsiTraitRules.check("PIERRE-ALAIN", TraitKind.FIRST_NAME)).doesNotThrowAnyException();
    }

    @Test
    void CNDA_2_03_cas_3_typographic_apostrophe_is_refused() {
        assertRefused("D’ÆION", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_TYPOGRAPHIC_APOSTROPHE);
    }

    @Test
    void CNDA_2_03_cas_3_ligature_AE_is_refused() {
        assertRefused("D'ÆION", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_LIGATURE);
    }

    @Test
    void CNDA_2_03_cas_3_ligature_OE_in_CŒUR_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> InsiTraitRules.check("CŒUR", TraitKind.FIRST_NAME))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(InsErrorCode.TRAIT_LIGATURE);
                    assertThat(e.getMessage()).contains("ligature Œ").contains("position 2");
                });
    }

    @Test
    void accents_are_refused_not_stripped() {
        assertRefused("HÉLÈNE", TraitKind.FIRST_NAME, InsErrorCode.TRAIT_DIACRITIC);
    }

    @Test
    void cedilla_is_refused() {
        assertRefused("FRANÇOIS", TraitKind.FIRST_NAME, InsErrorCode.TRAIT_DIACRITIC);
    }

    @Test
    void lower_case_is_refused() {
        assertRefused("Dupont", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_LOWER_CASE);
    }

    @Test
    void digits_are_refused() {
        assertRefused("LOUIS2", TraitKind.FIRST_NAME, InsErrorCode.TRAIT_FORBIDDEN_CHARACTER);
    }

    @Test
    void leading_space_is_refused() {
        assertRefused(" MARTIN", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_LEADING_CHARACTER);
    }

    @Test
    void leading_hyphen_is_refused() {
        assertRefused("-MARTIN", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_LEADING_CHARACTER);
    }

    @Test
    void leading_apostrophe_is_allowed() {
        assertThatCode(() -> InsiTraitRules.check("'T HOOFT", TraitKind.BIRTH_NAME)).doesNotThrowAnyException();
    }

    @Test
    void doubled_space_is_refused() {
        assertRefused("DE  VINCI", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_DOUBLED_SEPARATOR);
    }

    @Test
    void doubled_apostrophe_is_refused() {
        assertRefused("D''ARTAGNAN", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_DOUBLED_SEPARATOR);
    }

    @Test
    void apostrophe_combined_with_space_is_refused() {
        assertRefused("D' ARTAGNAN", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_DOUBLED_SEPARATOR);
    }

    @Test
    void double_hyphen_is_allowed_in_the_birth_name() {
        assertThatCode(() -> InsiTraitRules.check("MARTIN--DUPONT", TraitKind.BIRTH_NAME)).doesNotThrowAnyException();
    }

    @Test
    void double_hyphen_is_refused_in_a_first_name() {
        assertRefused("JEAN--PIERRE", TraitKind.FIRST_NAME, InsErrorCode.TRAIT_DOUBLE_HYPHEN);
    }

    @Test
    void triple_hyphen_is_refused_in_the_birth_name() {
        assertRefused("MARTIN---DUPONT", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_DOUBLE_HYPHEN);
    }

    @Test
    void first_name_ending_with_a_hyphen_is_refused() {
        assertRefused("JEAN-", TraitKind.FIRST_NAME, InsErrorCode.TRAIT_TRAILING_CHARACTER);
    }

    @Test
    void first_name_ending_with_an_apostrophe_is_refused() {
        assertRefused("JEAN'", TraitKind.FIRST_NAME, InsErrorCode.TRAIT_TRAILING_CHARACTER);
    }

    @Test
    void trailing_space_is_refused() {
        assertRefused("MARTIN ", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_TRAILING_CHARACTER);
    }

    @Test
    void empty_trait_is_refused() {
        assertRefused("", TraitKind.BIRTH_NAME, InsErrorCode.TRAIT_REQUIRED);
    }

    private static void assertRefused(String value, TraitKind kind, InsErrorCode code) {
        assertThatThrownBy(() -> InsiTraitRules.check(value, kind))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.field()).contains(kind.field());
                });
    }
}
