package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.ins.InsErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsiTraitRulesTest {

    private static void refused(String value, TraitKind kind, InsErrorCode code, String messagePart) {
        assertThatThrownBy(() -> InsiTraitRules.requireValid(value, kind))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    @Test
    void cnda203cas1_apostrophesSpacesAndHyphenAreAccepted() {
        assertThatCode(() -> InsiTraitRules.requireValid("D'ARTAGNAN DE L'HERAULT", TraitKind.NOM_NAISSANCE)).doesNotThrowAnyException();
        assertThatCode(() -> InsiTraitRules.requireValid("PIERRE-ALAIN", TraitKind.PRENOM)).doesNotThrowAnyException();
    }

    @Test
    void cnda203cas3_typographicApostropheIsRefused() {
        refused("D’ÆION", TraitKind.NOM_NAISSANCE, InsErrorCode.TRAIT_CHARACTERS, "typographic apostrophe");
    }

    @Test
    void cnda203cas3_ligatureIsRefused() {
        refused("CŒUR", TraitKind.PRENOM, InsErrorCode.TRAIT_CHARACTERS, "ligature");
        refused("DÆION", TraitKind.NOM_NAISSANCE, InsErrorCode.TRAIT_CHARACTERS, "ligature");
    }

    @Test
    void lowerCaseIsRefused() {
        refused("Dupont", TraitKind.NOM_NAISSANCE, InsErrorCode.TRAIT_CHARACTERS, "lower case");
    }

    @Test
    void accentIsRefused() {
        refused("HÉLÈNE", TraitKind.PRENOM, InsErrorCode.TRAIT_CHARACTERS, "accented");
    }

    @Test
    void digitIsRefused() {
        refused("DUPONT2", TraitKind.NOM_NAISSANCE, InsErrorCode.TRAIT_CHARACTERS, "digit");
    }

    @Test
    void doubleHyphenIsAllowedInBirthName() {
        assertThatCode(() -> InsiTraitRules.requireValid("MARTIN--DURAND", TraitKind.NOM_NAISSANCE)).doesNotThrowAnyException();
    }

    @Test
    void doubleHyphenIsRefusedInPrenom() {
        refused("JEAN--PIERRE", TraitKind.PRENOM, InsErrorCode.TRAIT_DOUBLE_HYPHEN, "nom de naissance only");
    }

    @Test
    void leadingSpaceIsRefused() {
        refused(" DUPONT", TraitKind.NOM_NAISSANCE, InsErrorCode.TRAIT_LEADING, "space");
    }

    @Test
    void leadingHyphenIsRefused() {
        refused("-DUPONT", TraitKind.NOM_NAISSANCE, InsErrorCode.TRAIT_LEADING, "hyphen");
    }

    @Test
    void leadingApostropheIsAllowed() {
        assertThatCode(() -> InsiTraitRules.requireValid("'T HOOFT", TraitKind.NOM_NAISSANCE)).doesNotThrowAnyException();
    }

    @Test
    void doubledSpaceIsRefused() {
        refused("DE  VINCI", TraitKind.NOM_NAISSANCE, InsErrorCode.TRAIT_DOUBLED_SEPARATOR, "never doubled");
    }

    @Test
    void doubledApostropheIsRefused() {
        refused("D''ARTAGNAN", TraitKind.NOM_NAISSANCE, InsErrorCode.TRAIT_DOUBLED_SEPARATOR, "never doubled");
    }

    @Test
    void spaceAndApostropheCombinedAreRefused() {
        refused("D' ARTAGNAN", TraitKind.NOM_NAISSANCE, InsErrorCode.TRAIT_DOUBLED_SEPARATOR, "combined");
    }

    @Test
    void prenomEndingWithHyphenIsRefused() {
        refused("JEAN-", TraitKind.PRENOM, InsErrorCode.TRAIT_FIRST_NAME_END, "hyphen");
    }

    @Test
    void prenomEndingWithApostropheIsRefused() {
        refused("JEAN'", TraitKind.PRENOM, InsErrorCode.TRAIT_FIRST_NAME_END, "apostrophe");
    }

    @Test
    void singlePrenomHoldsNoSpace() {
        refused("PIERRE PAUL", TraitKind.PRENOM, InsErrorCode.TRAIT_FIRST_NAME_SPACE, "separately");
    }
}
