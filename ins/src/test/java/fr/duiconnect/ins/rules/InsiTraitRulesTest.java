package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The INSi character rules (SEL-MP-043 EF_INS01_03, EF_INS10_01/02 as quoted in the spec §2.4). */
class InsiTraitRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"D'ARTAGNAN DE L'HERAULT", "ADRTROIS", "DE VINCI", "MARTIN--DURAND", "L'HERMITE"})
    void acceptedBirthNames_cnda_2_03(String name) {
        assertThatCode(() -> InsiTraitRules.checkBirthName(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, value = {
            "D’ÆION|INS-TRAIT-CHARACTER", "Martin|INS-TRAIT-CHARACTER", "ÉLODIE|INS-TRAIT-CHARACTER", "DUPONT2|INS-TRAIT-CHARACTER",
            "DUPONT_X|INS-TRAIT-CHARACTER", "' MARTIN|INS-TRAIT-DOUBLED", "-MARTIN|INS-TRAIT-LEADING", "' |INS-TRAIT-TRAILING",
            "MARTIN-|INS-TRAIT-TRAILING", "DE  VINCI|INS-TRAIT-DOUBLED", "L''HERMITE|INS-TRAIT-DOUBLED",
            "L' HERMITE|INS-TRAIT-DOUBLED", "MARTIN---DURAND|INS-TRAIT-DOUBLE-HYPHEN", "MARTIN- DURAND|INS-TRAIT-DOUBLED"})
    void refusedBirthNames(String name, String code) {
        assertThatThrownBy(() -> InsiTraitRules.checkBirthName(name))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(code).hasMessageContaining("birthName");
    }

    @Test
    void aLeadingSpaceIsRefused() {
        assertThatThrownBy(() -> InsiTraitRules.checkBirthName(" MARTIN")).hasMessageContaining("INS-TRAIT-LEADING");
    }

    @Test
    void aDoubleHyphenIsForTheBirthNameOnly() {
        assertThatThrownBy(() -> InsiTraitRules.checkFirstName("JEAN--PIERRE", "firstNames[0]"))
                .hasMessageContaining("INS-TRAIT-DOUBLE-HYPHEN").hasMessageContaining("firstNames[0]");
    }

    @Test
    void aPrenomDoesNotEndWithAnApostrophe() {
        assertThatThrownBy(() -> InsiTraitRules.checkFirstName("JEANN'", "firstNames[1]")).hasMessageContaining("INS-TRAIT-TRAILING");
    }

    @Test
    void ligaturesAreRefusedNamingTheCharacter_cnda_2_03_cas3() {
        assertThatThrownBy(() -> InsiTraitRules.checkFirstName("CŒUR", "firstNames[0]"))
                .hasMessageContaining("INS-TRAIT-CHARACTER").hasMessageContaining("U+0152");
    }

    @Test
    void theMessageDoesNotRepeatTheWholeTrait() {
        assertThatThrownBy(() -> InsiTraitRules.checkBirthName("DUPONTé")).hasMessageNotContaining("DUPONT");
    }
}
