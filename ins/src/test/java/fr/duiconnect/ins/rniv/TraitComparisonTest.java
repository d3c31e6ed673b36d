package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.ins.InsiTraits;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraitComparisonTest {

    static final IdentityTraits ECETINSI = new IdentityTraits("ECETINSI", List.of("PIERRE-ALAIN", "MURIEL", "FLORIANT"), null, null,
            Sex.M, LocalDate.of(2009, 7, 14), "63220");

    @Test
    void identical_traits_match() {
        InsiTraits tiq = new InsiTraits("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", null, "M", "2009-07-14", "63220");
        assertThat(TraitComparison.compare(ECETINSI, tiq).matches()).isTrue();
    }

    @Test
    void different_birth_name_is_reported() {
        InsiTraits tiq = new InsiTraits("ECETINSY", "PIERRE-ALAIN MURIEL FLORIANT", null, "M", "2009-07-14", "63220");
        assertThat(TraitComparison.compare(ECETINSI, tiq).differingTraits()).containsExactly("nomNaissance");
    }

    @Test
    void different_sex_is_reported() {
        InsiTraits tiq = new InsiTraits("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", null, "F", "2009-07-14", "63220");
        assertThat(TraitComparison.compare(ECETINSI, tiq).differingTraits()).containsExactly("sexe");
    }

    @Test
    void missing_first_names_in_the_list_are_reported() {
        InsiTraits tiq = new InsiTraits("ECETINSI", "PIERRE-ALAIN MURIEL", null, "M", "2009-07-14", "63220");
        assertThat(TraitComparison.compare(ECETINSI, tiq).differingTraits()).containsExactly("prenoms");
    }

    @Test
    void different_birth_place_is_reported() {
        InsiTraits tiq = new InsiTraits("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", null, "M", "2009-07-14", "2B020");
        assertThat(TraitComparison.compare(ECETINSI, tiq).differingTraits()).containsExactly("lieuNaissance");
    }
}
