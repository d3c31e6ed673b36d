package fr.duiconnect.ins.rules;

import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Key and structure checks on every matricule the CNDA fixtures publish (spec ins.md §2.1 and §5.1). */
class MatriculeCheckCndaTest {

    @ParameterizedTest(name = "{0} key {1}")
    @CsvSource({
            "1090763220834,89", "2090763220834,39", "2090663220123,55", "180032B020401,23", "297022A020778,78",
            "160012B020777,13", "2360663220836,56", "2751263220749,74", "1100863220830,60", "2770763220829,10",
            "2790351215189,89"})
    void every_published_CNDA_matricule_verifies_with_97_minus_N_mod_97(String number, String key) {
        assertThat(Ins.computeKey(number)).isEqualTo(key);
        assertThat(MatriculeCheck.check(number + key, InsKind.NIR).valid()).isTrue();
    }

    @Test
    void corsica_2A_is_read_as_19_for_the_key() {
        assertThat(Ins.computeKey("297022A020778")).isEqualTo(Ins.computeKey("2970219020778"));
    }

    @Test
    void corsica_2B_is_read_as_18_for_the_key_CNDA_2_08_cas_1() {
        assertThat(Ins.computeKey("180032B020401")).isEqualTo(Ins.computeKey("1800318020401"));
    }

    @Test
    void NIA_of_CNDA_2_05_PROVISOIRE_MATRICULE_is_valid() {
        assertThat(MatriculeCheck.check("109076322088835", InsKind.NIA).valid()).isTrue();
    }

    @Test
    void INS_MATRICULE_STRUCTURE_order_number_000_is_refused_even_with_a_matching_key() {
        String number = "1090763220000";
        MatriculeCheck.Verdict verdict = MatriculeCheck.check(number + Ins.computeKey(number), InsKind.NIR);
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.code()).isEqualTo("INS-MATRICULE-STRUCTURE");
        assertThat(verdict.reason()).contains("order number");
    }

    @Test
    void HERMANN_GATIEN_published_key_60_does_not_follow_the_formula() {
        assertThat(Ins.computeKey("1810363220456")).isEqualTo("76");
        assertThat(Ins.asReturnedByInsi("1810363220456", "60", InsKind.NIR).keyVerified()).isFalse();
    }
}
