package fr.duiconnect.ins.rules;

import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OtherRulesTest {

    @Test
    void theNormaliserOnlyProposesTheInsiForm() {
        assertThat(TraitNormaliser.propose(" d’Æion ")).isEqualTo("D'AEION");
        assertThat(TraitNormaliser.propose("Cœur")).isEqualTo("COEUR");
        assertThat(TraitNormaliser.propose("Éloïse-Françoise")).isEqualTo("ELOISE-FRANCOISE");
        assertThat(TraitNormaliser.propose("de  Vinci")).isEqualTo("DE VINCI");
        InsiTraitRulesTestSupport.assertAccepted(TraitNormaliser.propose("Jean--Pierre_2"));
    }

    @Test
    void unknownBirthDatePartsFollowTheConvention_EXI_ID_11() {
        assertThat(BirthDates.recorded(1930, 5, null)).isEqualTo(LocalDate.of(1930, 5, 1));
        assertThat(BirthDates.recorded(1930, null, 17)).isEqualTo(LocalDate.of(1930, 1, 17));
        assertThat(BirthDates.recorded(1930, null, null)).isEqualTo(LocalDate.of(1930, 12, 31));
    }

    @Test
    void aNumberStartingWith7Or8IsAnNiaNeverANir_INS_MATRICULE_STRUCTURE() {
        assertThat(MatriculeCheck.check("775126322074918", InsKind.NIR).code()).isEqualTo("INS-MATRICULE-STRUCTURE");
        assertThat(MatriculeCheck.check("775126322074918", InsKind.NIR_TEST).code()).isEqualTo("INS-MATRICULE-STRUCTURE");
        String eight = "8751263220749";
        assertThat(MatriculeCheck.check(eight + fr.duiconnect.core.model.Ins.computeKey(eight), InsKind.NIR).code())
                .isEqualTo("INS-MATRICULE-STRUCTURE");
        assertThat(MatriculeCheck.check("775126322074918", InsKind.NIA).valid()).isTrue();
    }

    @Test
    void aMatriculeIsCheckedForShapeKeyAndStructure() {
        assertThat(MatriculeCheck.check("275126322074974", InsKind.NIR).valid()).isTrue();
        assertThat(MatriculeCheck.check("275126322074975", InsKind.NIR).code()).isEqualTo("INS-KEY-INVALID");
        assertThat(MatriculeCheck.check("575126322074901", InsKind.NIR).code()).isIn("INS-MATRICULE-STRUCTURE", "INS-KEY-INVALID");
        String badMonth = "2751563220749";
        assertThat(MatriculeCheck.check(badMonth + fr.duiconnect.core.model.Ins.computeKey(badMonth), InsKind.NIR).code())
                .isEqualTo("INS-MATRICULE-STRUCTURE");
        assertThat(MatriculeCheck.check("109076322088835", InsKind.NIA).valid()).isTrue();
        assertThat(MatriculeCheck.check("12345", InsKind.NIR).valid()).isFalse();
    }

    @Test
    void traitsAreComparedAsTheGuideSays() {
        IdentityTraits local = new IdentityTraits("ECETINSI", List.of("PIERRE-ALAIN"), null, null, Sex.M, LocalDate.of(2009, 7, 14), null);
        IdentityTraits insi = new IdentityTraits("ECETINSI", List.of("PIERRE-ALAIN", "MURIEL", "FLORIANT"), null, null, Sex.M,
                LocalDate.of(2009, 7, 14), "63220");
        assertThat(TraitComparison.differences(local, insi)).isEmpty();
        IdentityTraits other = new IdentityTraits("ECETINSI", List.of("PAUL"), null, null, Sex.F, LocalDate.of(2009, 7, 15), null);
        assertThat(TraitComparison.differences(other, insi)).containsExactly("firstNames", "sex", "birthDate");
    }
}
