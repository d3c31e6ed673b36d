package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraitComparisonTest {

    private static IdentityTraits traits(String name, List<String> prenoms, Sex sex, LocalDate date, String cog) {
        return new IdentityTraits(name, prenoms, null, null, sex, date, cog);
    }

    private static final LocalDate D = LocalDate.of(2009, 7, 14);

    @Test
    void firstPrenomMustStartTheInsiListWithHyphensAsSpaces() {
        IdentityTraits local = traits("ECETINSI", List.of("PIERRE ALAIN"), Sex.M, D, null);
        IdentityTraits insi = traits("ECETINSI", List.of("PIERRE-ALAIN", "MURIEL", "FLORIANT"), Sex.M, D, "63220");
        assertThat(TraitComparison.of(local, insi).matches()).isTrue();
    }

    @Test
    void differentFirstPrenomIsADifference() {
        IdentityTraits local = traits("ECETINSI", List.of("MURIEL"), Sex.M, D, null);
        IdentityTraits insi = traits("ECETINSI", List.of("PIERRE-ALAIN", "MURIEL"), Sex.M, D, null);
        assertThat(TraitComparison.of(local, insi).differingFields()).containsExactly("firstNames");
    }

    @Test
    void sexAndBirthDateAreCompared() {
        IdentityTraits local = traits("X", List.of("A"), Sex.F, D, null);
        IdentityTraits insi = traits("X", List.of("A"), Sex.M, D.plusDays(1), null);
        assertThat(TraitComparison.of(local, insi).differingFields()).containsExactly("sex", "birthDate");
    }

    @Test
    void birthPlaceIsComparedOnlyWhenBothKnowIt() {
        IdentityTraits local = traits("X", List.of("A"), Sex.F, D, "63220");
        assertThat(TraitComparison.of(local, traits("X", List.of("A"), Sex.F, D, null)).matches()).isTrue();
        assertThat(TraitComparison.of(local, traits("X", List.of("A"), Sex.F, D, "2B020")).differingFields()).containsExactly("birthPlaceCog");
    }
}
